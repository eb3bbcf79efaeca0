package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A range added up alert by alert gives the figures and the list the whole range held in memory gives. */
class ReportTallyTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    private static Alert alert(Random r, int n) {
        Severity severity = Severity.values()[1 + r.nextInt(3)];
        return new Alert(n, "id-" + n, FROM.atStartOfDay(TOKYO).toInstant().plusSeconds(r.nextInt(31 * 86_400)),
                "pc-" + r.nextInt(20), "u", "/f" + n, ExitPointKind.USB, "", 1, severity, Map.of("PHONE_NUMBER", 1), 1,
                List.of(), List.of("jp-phone"), false, r.nextInt(10) == 0 ? AlertAction.QUARANTINE : AlertAction.ALERT, null,
                "t", List.of("jp-pii " + (1 + r.nextInt(2))));
    }

    @RepeatedTest(10)
    void theListAndTheCountsAreThoseOfTheWholeRange() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        List<Alert> all = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            all.add(alert(r, i));
        }
        all.sort(Comparator.comparing(Alert::seq).reversed()); // as the store hands them: newest number first
        int limit = 1 + r.nextInt(600);
        ReportTally t = ReportTally.of(all, FROM, TO, TOKYO, limit);
        Instant end = TO.plusDays(1).atStartOfDay(TOKYO).toInstant();
        List<Alert> inRange = all.stream().filter(a -> a.time().isBefore(end)).toList();
        assertThat(t.total()).as("seed %d", seed).isEqualTo(inRange.size());
        assertThat(t.count(Severity.HIGH)).isEqualTo(inRange.stream().filter(a -> a.severity() == Severity.HIGH).count());
        assertThat(t.quarantined()).isEqualTo(inRange.stream().filter(a -> a.action() == AlertAction.QUARANTINE).count());
        assertThat(t.perDay().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(inRange.size());
        List<Alert> expected = inRange.size() <= limit ? inRange
                : inRange.stream().sorted(ReportTally.MOST_SEVERE).limit(limit).toList();
        assertThat(t.listed()).as("seed %d, limit %d", seed, limit).containsExactlyElementsOf(expected);
    }

    @Test
    void healthAlertsAreApartAndTheFleetCountsBoth() {
        Random r = new Random(1);
        Alert a = alert(r, 1);
        Alert health = new Alert(2, "h", a.time(), a.host(), "u", "rules", ExitPointKind.AGENT, "", 0, Severity.MEDIUM, Map.of(),
                0, List.of("pack refused"), List.of("agent-health"), false, AlertAction.HEALTH, null, "t", List.of());
        ReportTally t = ReportTally.of(List.of(health, a), FROM, TO, TOKYO, 10);
        assertThat(t.total()).isEqualTo(1);
        assertThat(t.health()).containsExactly(health);
        var host = t.fleet().build(Instant.now(), java.time.Duration.ofDays(1), dev.mamori.fleet.Departments.none()).hosts().get(0);
        assertThat(host.alerts()).isEqualTo(1);
        assertThat(host.health()).isEqualTo(1);
    }
}
