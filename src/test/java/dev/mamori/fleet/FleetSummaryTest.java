package dev.mamori.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.HealthProblem;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetSummaryTest {

    static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    static Alert at(Alert a, Instant time) {
        return new Alert(a.seq(), a.id(), time, a.host(), a.user(), a.path(), a.exitPoint(), a.sha256(), a.size(), a.severity(),
                a.counts(), a.records(), a.samples(), a.rules(), a.appiReportable(), a.action(), a.quarantineId(),
                a.agentVersion(), a.packs());
    }

    static Alert sequenceFinding(String host, Instant time) {
        return new Alert(0, "f-" + host, time, host, "", "kafka:alerts-0@9", ExitPointKind.AGENT, "", 0, Severity.MEDIUM, Map.of(), 0,
                List.of("alert sequence gap"), List.of(HealthProblem.RULE, HealthProblem.SEQUENCE_BROKEN.ruleId()), false,
                AlertAction.HEALTH, null, "test", List.of());
    }

    @Test
    void perHostAlertsSilenceAndPacksOlderThanTheFleetsNewest() {
        List<Alert> alerts = List.of(
                at(FleetAlerts.alert("pc-01", 1, "jp-pii 2026.11.1"), NOW.minus(Duration.ofHours(2))),
                at(FleetAlerts.alert("pc-01", 2, "jp-pii 2026.11.1"), NOW.minus(Duration.ofHours(1))),
                at(FleetAlerts.alert("pc-02", 1, "jp-pii 2026.9.10"), NOW.minus(Duration.ofDays(3))),
                sequenceFinding("pc-02", NOW.minus(Duration.ofMinutes(5))), // the collector speaking, not pc-02
                at(FleetAlerts.alert("pc-03", 1, "jp-pii 2026.10"), NOW.minus(Duration.ofHours(5))));
        FleetSummary fleet = FleetSummary.of(alerts, NOW, Duration.ofDays(1));

        assertThat(fleet.newestPacks()).containsExactly(Map.entry("jp-pii", "2026.11.1"));
        assertThat(fleet.hosts()).extracting(FleetSummary.Host::host).containsExactly("pc-01", "pc-02", "pc-03");
        FleetSummary.Host pc01 = fleet.hosts().get(0);
        FleetSummary.Host pc02 = fleet.hosts().get(1);
        FleetSummary.Host pc03 = fleet.hosts().get(2);
        assertThat(pc01.alerts()).isEqualTo(2);
        assertThat(pc01.silent()).isFalse();
        assertThat(pc01.oldPacks()).isEmpty();
        assertThat(pc02.silent()).as("three days since its own last alert").isTrue();
        assertThat(pc02.health()).isEqualTo(1);
        assertThat(pc02.oldPacks()).as("9.10 is older than 11.1: numbers, not text").containsExactly("jp-pii 2026.9.10");
        assertThat(pc03.oldPacks()).containsExactly("jp-pii 2026.10");
        assertThat(fleet.toText()).contains("3 host(s), 1 silent, 2 on old packs").contains("SILENT");
    }
}
