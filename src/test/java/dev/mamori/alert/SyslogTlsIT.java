package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.platform.TrustedCa;
import java.io.IOException;
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
 * Syslog over TLS (RFC 5425) to a real rsyslog with its GnuTLS driver, certificates made by
 * openssl for the test: delivered when the receiver's certificate chains to the configured CA and
 * names the host; refused, with nothing sent, when either is not so. On CI a missing rsyslog-gnutls
 * or openssl fails the test; elsewhere it is skipped.
 */
class SyslogTlsIT {

    @TempDir
    Path dir;

    Process rsyslog;
    int port;
    Path received;

    @BeforeEach
    void startRsyslogWithTls() throws Exception {
        Path exe = SyslogSinkIT.rsyslogd();
        boolean gtls = exe != null && Files.isExecutable(Path.of("/usr/bin/openssl")) && hasGtlsDriver();
        if (!gtls && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("rsyslog's GnuTLS driver or openssl is missing: .ci/run must install rsyslog-gnutls and openssl");
        }
        assumeTrue(gtls, "rsyslog-gnutls or openssl not installed");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-subj", "/CN=Mamori Test CA", "-days", "2");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key",
                "-out", "server.csr", "-subj", "/CN=localhost");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "other.key",
                "-out", "other-ca.pem", "-subj", "/CN=Someone Else's CA", "-days", "2");

        port = SyslogSinkIT.freePort();
        received = dir.resolve("received.log");
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%1$s" defaultNetstreamDriver="gtls"
                       defaultNetstreamDriverCAFile="%1$s/ca.pem" defaultNetstreamDriverCertFile="%1$s/server.pem"
                       defaultNetstreamDriverKeyFile="%1$s/server.key")
                module(load="imtcp" streamDriver.name="gtls" streamDriver.mode="1" streamDriver.authMode="anon")
                input(type="imtcp" address="127.0.0.1" port="%2$d")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                *.* action(type="omfile" file="%3$s" template="raw")
                """.formatted(dir, port, received));
        rsyslog = new ProcessBuilder(exe.toString(), "-n", "-f", conf.toString(), "-i", dir.resolve("pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        SyslogSinkIT.awaitListening("rsyslogd's TLS input", port);
    }

    @AfterEach
    void stop() throws Exception {
        if (rsyslog != null) {
            rsyslog.destroy();
            rsyslog.waitFor();
        }
    }

    @Test
    void alertsArriveOverTlsWhenTheCertificateChainsToTheCaAndNamesTheHost() throws Exception {
        try (SyslogSink sink = new SyslogSink("localhost", port, SyslogSink.Transport.TLS, TrustedCa.trusting(dir.resolve("ca.pem")),
                "laptop-01", 64_999)) {
            sink.deliver(List.of(Alerts.alert(1).withSeq(1), Alerts.alert(2).withSeq(2)));
        }
        List<String> lines = await("rsyslog receiving 2 messages over TLS").atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(received) ? Files.readAllLines(received, StandardCharsets.UTF_8) : List.<String>of(),
                        l -> l.size() >= 2);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("<132>1 2026-11-26T03:00:01.000000Z laptop-01 mamori ")
                .contains("[mamori@64999 id=\"alert-1\"", "顧客リスト1.csv"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("id=\"alert-2\""));
    }

    @Test
    void aReceiverWhoseCertificateDoesNotChainToTheCaOrDoesNotNameTheHostGetsNothing() throws Exception {
        try (SyslogSink stranger = new SyslogSink("localhost", port, SyslogSink.Transport.TLS,
                TrustedCa.trusting(dir.resolve("other-ca.pem")), "laptop-01", 0)) {
            assertThatThrownBy(() -> stranger.deliver(List.of(Alerts.alert(1).withSeq(1))))
                    .isInstanceOf(IOException.class).hasMessageContaining("TLS to syslog localhost:" + port + " refused");
        }
        try (SyslogSink byAddress = new SyslogSink("127.0.0.1", port, SyslogSink.Transport.TLS,
                TrustedCa.trusting(dir.resolve("ca.pem")), "laptop-01", 0)) {
            assertThatThrownBy(() -> byAddress.deliver(List.of(Alerts.alert(2).withSeq(2))))
                    .as("the certificate names localhost, not 127.0.0.1").isInstanceOf(IOException.class)
                    .hasMessageContaining("refused");
        }
        Thread.sleep(500); // rsyslog writes what it gets at once; give it the chance to show a leak
        assertThat(Files.exists(received) ? Files.readString(received) : "").doesNotContain("alert-1", "alert-2");
    }

    private static boolean hasGtlsDriver() {
        for (String dirName : List.of("/usr/lib/x86_64-linux-gnu/rsyslog", "/usr/lib/aarch64-linux-gnu/rsyslog", "/usr/lib/rsyslog")) {
            if (Files.exists(Path.of(dirName, "lmnsd_gtls.so"))) {
                return true;
            }
        }
        return false;
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + out);
        }
    }
}
