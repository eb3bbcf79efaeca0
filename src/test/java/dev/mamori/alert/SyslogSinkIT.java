package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;
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
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%s")
                module(load="imudp")
                module(load="imtcp")
                input(type="imudp" address="127.0.0.1" port="%d")
                input(type="imtcp" address="127.0.0.1" port="%d")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                *.* action(type="omfile" file="%s" template="raw")
                """.formatted(dir, udpPort, tcpPort, received));
        rsyslog = new ProcessBuilder(exe.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) { // wait until the TCP input listens
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", tcpPort)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("rsyslogd did not start: " + Files.readString(dir.resolve("rsyslogd.out")));
    }

    @AfterEach
    void stop() throws Exception {
        if (rsyslog != null) {
            rsyslog.destroy();
            rsyslog.waitFor();
        }
    }

    private List<String> awaitLines(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(received)) {
                List<String> lines = Files.readAllLines(received, StandardCharsets.UTF_8);
                if (lines.size() >= count) {
                    return lines;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("rsyslog received fewer than " + count + " messages");
    }

    @Test
    void theAgentDeliversItsAlertsToRsyslog() throws Exception {
        java.nio.file.Path watched = Files.createDirectories(dir.resolve("outbox"));
        java.nio.file.Path config = dir.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process}
                alerts: {syslog: {host: 127.0.0.1, port: %d, protocol: tcp}}
                """.formatted(dir.resolve("data"), watched, tcpPort));
        var c = new dev.mamori.agent.AgentConfigLoader(dir).load(config);
        try (var agent = new dev.mamori.agent.Agent(c, dev.mamori.testing.BundledRules.get(),
                new dev.mamori.agent.Agent.Environment(new dev.mamori.platform.ExitPoints("linux", dir, List.of()),
                        java.time.Clock.systemUTC(), "laptop-02", "hanako", "test"))) {
            agent.start();
            Files.writeString(watched.resolve("送付先.csv"), "氏名,電話番号\n山田 太郎,090-1234-5678\n鈴木 花子,03-1234-5678\n");
            List<String> lines = awaitLines(2);
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(" laptop-02 mamori ", "exit=\"outbox\"",
                    "送付先.csv", "090-****-5678").doesNotContain("090-1234-5678"));
            // the chain head follows, so the SIEM keeps the copy 'mamori verify --head' checks
            assertThat(lines).anySatisfy(l -> assertThat(l).contains(" CHAIN [mamori@32473 head=\"1:"));
        }
    }

    @Test
    void rfc5424MessagesArriveOverUdpAndTcp() throws Exception {
        new SyslogSink("127.0.0.1", udpPort, false, "laptop-01").deliver(List.of(Alerts.alert(1).withSeq(1)));
        try (SyslogSink tcp = new SyslogSink("127.0.0.1", tcpPort, true, "laptop-01")) {
            tcp.deliver(List.of(Alerts.alert(2).withSeq(2), Alerts.alert(3).withSeq(3)));
        }
        List<String> lines = awaitLines(3);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<132>1 2026-11-26T03:00:01Z laptop-01 mamori ")
                .contains("[mamori@32473 id=\"alert-1\" severity=\"medium\" exit=\"usb\"")
                .contains("\"file\":{\"path\":\"/media/taro/USB/顧客リスト1.csv\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<130>1 ").contains("id=\"alert-2\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("id=\"alert-3\""));
        assertThat(String.join("\n", lines)).doesNotContain("090-1234-5678");
    }
}
