package dev.mamori.alert;

import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test alerts. */
final class Alerts {

    private Alerts() {
    }

    static Alert alert(int n) {
        return new Alert(0, "alert-" + n, Instant.parse("2026-11-26T03:00:00Z").plusSeconds(n), "laptop-01", "taro",
                "/media/taro/USB/顧客リスト" + n + ".csv", ExitPointKind.USB, "ab" + n, 1234, n % 2 == 0 ? Severity.HIGH : Severity.MEDIUM,
                Map.of("PHONE_NUMBER", 25, "PERSON_NAME", 25), 25, List.of("090-****-5678", "山* 太*"),
                List.of("jp-phone", "jp-name"), false, AlertAction.ALERT, null, "test", List.of("jp-pii 3", "acme 2026.11"));
    }
}
