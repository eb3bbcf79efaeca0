package dev.mamori.fleet;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test alerts of one host, numbered as that host's store numbers them; masked samples only. */
public final class FleetAlerts {

    private FleetAlerts() {
    }

    /**
     * A collector's store, filled as {@link Collector} fills it: each arriving alert admitted by the
     * host ledger, a gap or reorder stored as that host's sequence-broken health alert, the ledger in
     * the commit; {@code heads} are chain heads the hosts sent ("seq:hash" by host).
     */
    public static void collectorStore(java.nio.file.Path dir, List<Alert> arriving, Map<String, String> heads)
            throws java.io.IOException {
        HostLedger ledger = new HostLedger();
        List<Alert> stored = new java.util.ArrayList<>();
        for (Alert a : arriving) {
            HostLedger.Admission admission = ledger.admit(a, id -> false);
            stored.add(a.withSeq(0));
            if (admission.finding() != null) {
                stored.add(new Alert(0, "finding-" + a.id(), a.time(), a.host(), a.user(), "kafka:mamori-0@" + stored.size(),
                        ExitPointKind.AGENT, "", 0, Severity.MEDIUM, Map.of(), 0, List.of(admission.finding()),
                        List.of(dev.mamori.alert.HealthProblem.RULE, dev.mamori.alert.HealthProblem.SEQUENCE_BROKEN.ruleId()),
                        false, AlertAction.HEALTH, null, a.agentVersion(), a.packs()));
            }
        }
        heads.forEach((host, head) -> ledger.chainHead(host, head, Instant.parse("2026-11-26T04:00:00Z")));
        try (dev.mamori.alert.AlertStore store = new dev.mamori.alert.AlertStore(dir)) {
            store.appendAll(stored, Map.of(Collector.HOSTS, ledger.toJson()));
        }
    }

    /** The departments file the fleet tests use: pc-001 and pc-002 in 営業部, pc-101 in 開発部. */
    public static java.nio.file.Path departments(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("departments.csv"),
                "host,department\npc-001,営業部\npc-002,営業部\npc-101,開発部\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Alert alert(String host, long n, String pack) {
        return new Alert(n, host + "-" + n, Instant.parse("2026-11-26T03:00:00Z").plusSeconds(n), host, "taro",
                "/media/taro/USB/顧客リスト" + n + ".csv", ExitPointKind.USB, "ab" + n, 1234, Severity.HIGH,
                Map.of("PHONE_NUMBER", 25), 25, List.of("090-****-5678"), List.of("jp-phone"), false, AlertAction.ALERT, null,
                "test", List.of(pack));
    }
}
