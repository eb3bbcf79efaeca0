package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import org.junit.jupiter.api.Test;

/** The closed sets of an alert (severity, exit point, action) as written, and as read back from any agent. */
class AlertJsonTest {

    @Test
    void closedSetsAreWrittenByTheirLabels() {
        Alert a = Alerts.alert(2);
        ObjectNode o = AlertJson.toJson(a);
        assertThat(o.path("mamori").path("severity").asText()).isEqualTo("high");
        assertThat(o.path("mamori").path("exit_point").asText()).isEqualTo("usb");
        assertThat(o.path("mamori").path("action").asText()).isEqualTo("alert");
        assertThat(AlertJson.fromJson(o)).isEqualTo(a);
    }

    @Test
    void everyExitPointKindAndActionReadsBackAsItself() {
        for (ExitPointKind kind : ExitPointKind.values()) {
            for (AlertAction action : AlertAction.values()) {
                Alert a = Alerts.alert(1);
                Alert b = new Alert(a.seq(), a.id(), a.time(), a.host(), a.user(), a.path(), kind, a.sha256(), a.size(),
                        Severity.LOW, a.counts(), a.records(), a.samples(), a.rules(), false, action, null, a.agentVersion(),
                        a.packs());
                assertThat(AlertJson.fromJson(AlertJson.toJson(b))).isEqualTo(b);
            }
        }
    }

    @Test
    void valuesANewerAgentMightWriteAreKeptNotRefused() {
        ObjectNode o = AlertJson.toJson(Alerts.alert(1));
        ((ObjectNode) o.path("mamori")).put("exit_point", "printer").put("action", "encrypt").put("severity", "critical");
        Alert read = AlertJson.fromJson(o);
        assertThat(read.exitPoint()).isEqualTo(ExitPointKind.WATCHED);
        assertThat(read.action()).isEqualTo(AlertAction.ALERT);
        assertThat(read.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(read.path()).isEqualTo(Alerts.alert(1).path());
    }
}
