package dev.mamori.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.fleet.HostLedger.Fit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HostLedgerTest {

    /** (name, sequence numbers arriving for one host, how each fits) */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("in order", List.of(1L, 2L, 3L), List.of(Fit.IN_ORDER, Fit.IN_ORDER, Fit.IN_ORDER)),
                Arguments.of("first contact starts anywhere", List.of(7L, 8L), List.of(Fit.IN_ORDER, Fit.IN_ORDER)),
                Arguments.of("a gap", List.of(1L, 4L, 5L), List.of(Fit.IN_ORDER, Fit.GAP, Fit.IN_ORDER)),
                Arguments.of("a repeat after a retried batch", List.of(1L, 2L, 1L, 2L, 3L),
                        List.of(Fit.IN_ORDER, Fit.IN_ORDER, Fit.REPEATED, Fit.REPEATED, Fit.IN_ORDER)),
                Arguments.of("late, never seen", List.of(1L, 3L, 2L, 4L), List.of(Fit.IN_ORDER, Fit.GAP, Fit.REORDERED, Fit.IN_ORDER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void eachArrivingAlertIsJudgedAgainstItsHostsLastNumber(String name, List<Long> seqs, List<Fit> expected) {
        HostLedger ledger = new HostLedger();
        Set<String> stored = new HashSet<>();
        List<Fit> fits = seqs.stream().map(seq -> {
            Alert a = FleetAlerts.alert("pc-01", seq, "jp-pii 3");
            HostLedger.Admission admission = ledger.admit(a, stored::contains);
            if (admission.store()) {
                stored.add(a.id());
            }
            return admission.fit();
        }).toList();
        assertThat(fits).isEqualTo(expected);
    }

    @Test
    void numbersTheHostNeverSendsAreNoGapWhenTheAlertNamesItsPredecessor() {
        HostLedger ledger = new HostLedger();
        ledger.admit(FleetAlerts.alert("pc-01", 20, "jp-pii 3"), id -> false);
        assertThat(ledger.admit(FleetAlerts.alert("pc-01", 22, "jp-pii 3"), 20, id -> false).fit())
                .as("21 was a triage decision on the laptop").isEqualTo(Fit.IN_ORDER);
        assertThat(ledger.admit(FleetAlerts.alert("pc-01", 25, "jp-pii 3"), 23, id -> false).fit())
                .as("23 was sent and never arrived").isEqualTo(Fit.GAP);
    }

    @Test
    void hostsAreCheckedApartAndTheLedgerSurvivesAStoreCommit() throws Exception {
        HostLedger ledger = new HostLedger();
        ledger.admit(FleetAlerts.alert("pc-01", 1, "jp-pii 3"), id -> false);
        ledger.admit(FleetAlerts.alert("pc-02", 9, "jp-pii 2"), id -> false);
        assertThat(ledger.packsBefore(FleetAlerts.alert("pc-02", 10, "jp-pii 3"))).containsExactly("jp-pii 2");
        HostLedger back = HostLedger.fromJson(ledger.toJson());
        assertThat(back.hosts()).isEqualTo(ledger.hosts());
        assertThat(back.admit(FleetAlerts.alert("pc-01", 2, "jp-pii 3"), id -> false).fit()).isEqualTo(Fit.IN_ORDER);
        assertThat(back.admit(FleetAlerts.alert("pc-02", 12, "jp-pii 2"), id -> false).finding())
                .isEqualTo("alert sequence gap: 2 alert(s) after 9 never arrived (next seen: 12)");
    }
}
