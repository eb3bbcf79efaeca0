package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syslog over UDP to a real socket: an alert too large for a datagram is shortened, not retried forever. */
class SyslogSinkTest {

    /** An enterprise number as a site would configure it (ours for the tests, not a real one). */
    static final int PEN = 64_999;

    @Test
    void theHeaderHasSixFractionalDigitsAndTheStructuredDataRegisteredSdIdsUnlessTheSiteHasAnEnterpriseNumber() {
        Alert a = Alerts.alert(7).withSeq(7);
        Alert precise = new Alert(7, a.id(), java.time.Instant.parse("2026-11-26T03:00:01.123456789Z"), a.host(), a.user(),
                a.path(), a.exitPoint(), a.sha256(), a.size(), a.severity(), a.counts(), a.records(), a.samples(), a.rules(),
                false, AlertAction.ALERT, null, "1.2.0");
        String plain = SyslogSink.message(precise, "ノートPC 01", 0, false);
        assertThat(plain).startsWith("<132>1 2026-11-26T03:00:01.123456Z ___PC_01 mamori ")
                .contains(" ALERT [origin software=\"mamori\" swVersion=\"1.2.0\"][meta sequenceId=\"7\"] " + SyslogSink.BOM + "{")
                .doesNotContain("mamori@");
        assertThat(SyslogSink.message(precise, "laptop-01", PEN, true))
                .contains("][mamori@64999 id=\"alert-7\" severity=\"medium\" exit=\"usb\" records=\"" + a.records()
                        + "\" appi=\"false\" truncated=\"true\"] " + SyslogSink.BOM + "{");
    }

    @Test
    void paramValuesEscapeQuoteBackslashAndClosingBracket() {
        assertThat(SyslogSink.paramValue("a\"b\\c]d[e")).isEqualTo("a\\\"b\\\\c\\]d[e");
    }

    @Test
    void anAlertLargerThanADatagramIsShortenedAndTheAlertsBehindItStillGo() throws Exception {
        Alert a = Alerts.alert(1);
        // a member named with 11,000 control characters: each is six bytes (\u0001) in the JSON
        String path = "/media/taro/USB/x.zip!/" + "\u0001".repeat(11_000);
        Alert huge = new Alert(0, "alert-huge", a.time(), a.host(), a.user(), path, a.exitPoint(), a.sha256(), a.size(),
                a.severity(), a.counts(), a.records(), a.samples(), a.rules(), false, AlertAction.ALERT, null, "test");
        assertThat(SyslogSink.message(huge, "laptop-01", PEN, false).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(65_507);
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             SyslogSink sink = new SyslogSink("127.0.0.1", receiver.getLocalPort(), false, "laptop-01", PEN)) {
            receiver.setSoTimeout(10_000);
            sink.deliver(List.of(huge, Alerts.alert(2)));
            String first = receive(receiver);
            String second = receive(receiver);
            assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SyslogSink.MAX_UDP_BYTES);
            assertThat(first).contains("id=\"alert-huge\"", "truncated=\"true\"", "(11023 chars)");
            assertThat(AlertJson.JSON.readTree(first.substring(first.indexOf("] " + SyslogSink.BOM) + 3)).path("event").path("id").asText())
                    .isEqualTo("alert-huge");
            assertThat(second).contains("id=\"alert-2\"").doesNotContain("truncated");
        }
    }

    @Test
    void retriesBackOffExponentiallyUpToACap() {
        Duration retry = Duration.ofSeconds(5);
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 100).stream().map(n -> Delivery.backoff(retry, n)).toList())
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(80), Duration.ofSeconds(160), Delivery.MAX_BACKOFF, Delivery.MAX_BACKOFF);
        assertThat(Delivery.backoff(Duration.ofMinutes(10), 3)).as("a retry delay above the cap is kept")
                .isEqualTo(Duration.ofMinutes(10));
    }

    private static String receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[70_000], 70_000);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
