package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts to a real rsyslog (Debian's package; {@code .ci/run} installs it), over UDP and over TCP
 * with octet-counted framing. On CI a missing rsyslogd fails the test; elsewhere it is skipped.
 */
class SyslogSinkIT {

    @TempDir
    Path dir;
    Process rsyslog;
    int udpPort;
    int tcpPort;
    Path received;
    /** What rsyslog's RFC 5424 parser made of each message: a malformed header or SD would not parse. */
    Path parsed;

    static Path rsyslogd() {
        for (String p : List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void startRsyslog() throws Exception {
        Path exe = rsyslogd();
        if (exe == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("rsyslogd is not installed: .ci/run must install the rsyslog package");
        }
        assumeTrue(exe != null, "rsyslogd not installed");
        udpPort = freePort();
        tcpPort = freePort();
        received = dir.resolve("received.log");
        parsed = dir.resolve("parsed.log");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s")
                module(load="imudp")
                module(load="imtcp")
                input(type="imudp" address="127.0.0.1" port="%d")
                input(type="imtcp" address="127.0.0.1" port="%d")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                template(name="parsed" type="string"
                         string="%%timereported:::date-rfc3339%%|%%hostname%%|%%app-name%%|%%msgid%%|%%structured-data%%\\n")
                *.* action(type="omfile" file="%s" template="raw")
                *.* action(type="omfile" file="%s" template="parsed")
                """.formatted(dir, udpPort, tcpPort, received, parsed));
        rsyslog = new ProcessBuilder(exe.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        awaitListening("rsyslogd's TCP input", tcpPort);
    }

    /** Waits until something accepts connections on 127.0.0.1:{@code port} (a receiver the test started). */
    static void awaitListening(String what, int port) {
        await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(java.io.IOException.class)
                .until(() -> {
                    new java.net.Socket("127.0.0.1", port).close();
                    return true;
                });
    }

    @AfterEach
    void stop() throws Exception {
        if (rsyslog != null) {
            rsyslog.destroy();
            rsyslog.waitFor();
        }
    }

    private List<String> awaitLines(int count) throws Exception {
        return awaitLines(received, count);
    }

    private static List<String> awaitLines(Path file, int count) {
        return await("rsyslog receiving " + count + " messages").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.<String>of(),
                        lines -> lines.size() >= count);
    }

    @Test
    void theAgentDeliversItsAlertsToRsyslog() throws Exception {
        java.nio.file.Path watched = Files.createDirectories(dir.resolve("outbox"));
        java.nio.file.Path config = dir.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process}
                alerts: {syslog: {host: 127.0.0.1, port: %d, protocol: tcp, enterprise-number: 64999}}
                """.formatted(dir.resolve("data"), watched, tcpPort));
        var c = new dev.mamori.agent.AgentConfigLoader(dir).load(config);
        try (var agent = new dev.mamori.agent.Agent(c, dev.mamori.testing.BundledRules.get(),
                new dev.mamori.agent.Agent.Environment(new dev.mamori.platform.ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, dir, List.of()),
                        java.time.Clock.systemUTC(), "laptop-02", "hanako", "test"))) {
            agent.start();
            Files.writeString(watched.resolve("送付先.csv"), "氏名,電話番号\n山田 太郎,090-1234-5678\n鈴木 花子,03-1234-5678\n");
            List<String> lines = awaitLines(2);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(" laptop-02 mamori ", "exit=\"outbox\"",
                    "送付先.csv", "090-****-5678").doesNotContain("090-1234-5678"));
            // the chain head follows, so the SIEM keeps the copy 'mamori verify --head' checks
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(" CHAIN [origin software=\"mamori\"][mamori@64999 head=\"1:"));
        }
    }

    @Test
    void rfc5424MessagesArriveOverUdpAndTcpAndRsyslogParsesTheirHeaderAndStructuredData() throws Exception {
        new SyslogSink("127.0.0.1", udpPort, false, "laptop-01", 0).deliver(List.of(Alerts.alert(1).withSeq(1)));
        try (SyslogSink tcp = new SyslogSink("127.0.0.1", tcpPort, true, "laptop-01", 64_999)) {
            tcp.deliver(List.of(Alerts.alert(2).withSeq(2), Alerts.alert(3).withSeq(3)));
        }
        List<String> lines = awaitLines(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<132>1 2026-11-26T03:00:01.000000Z laptop-01 mamori ")
                .contains(" ALERT [origin software=\"mamori\" swVersion=\"test\"][meta sequenceId=\"1\"] " + SyslogSink.BOM + "{")
                .contains("\"file\":{\"path\":\"/media/taro/USB/顧客リスト1.csv\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<130>1 ")
                .contains("[mamori@64999 id=\"alert-2\" severity=\"high\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("id=\"alert-3\""));
        assertThat(String.join("\n", lines)).doesNotContain("090-1234-5678");

        List<String> fields = awaitLines(parsed, 3);
        assertThat(fields).anySatisfy(l -> assertThat(l).isEqualTo(
                "2026-11-26T03:00:01.000000Z|laptop-01|mamori|ALERT|[origin software=\"mamori\" swVersion=\"test\"][meta sequenceId=\"1\"]"));
        assertThat(fields).anySatisfy(l -> assertThat(l).contains("|laptop-01|mamori|ALERT|[origin ")
                .contains("[meta sequenceId=\"2\"][mamori@64999 id=\"alert-2\""));
    }
}
