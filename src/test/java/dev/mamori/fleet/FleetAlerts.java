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

    public static Alert alert(String host, long n, String pack) {
        return new Alert(n, host + "-" + n, Instant.parse("2026-11-26T03:00:00Z").plusSeconds(n), host, "taro",
                "/media/taro/USB/顧客リスト" + n + ".csv", ExitPointKind.USB, "ab" + n, 1234, Severity.HIGH,
                Map.of("PHONE_NUMBER", 25), 25, List.of("090-****-5678"), List.of("jp-phone"), false, AlertAction.ALERT, null,
                "test", List.of(pack));
    }
}
