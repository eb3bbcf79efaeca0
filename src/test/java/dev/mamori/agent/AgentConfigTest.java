package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.config.ConfigProblem;
import dev.mamori.verdict.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path dir;

    private final Path home = Path.of("/home/taro");

    @Test
    void theBundledConfigDocumentsEveryKeyAtItsDeclaredDefault() throws Exception {
        assertThat(Files.readString(Path.of("agent/mamori.yaml"))).isEqualTo(Settings.documentedDefaults());
        AgentConfig bundled = new AgentConfigLoader(home).load(Path.of("agent/mamori.yaml"));
        AgentConfig defaults = new AgentConfigLoader(home).defaultsOnly();
        assertThat(bundled.scan()).isEqualTo(defaults.scan());
        assertThat(bundled.actions()).isEqualTo(defaults.actions());
        assertThat(bundled.dataDir()).isEqualTo(home.resolve(".mamori"));
        assertThat(bundled.alerts().jsonl()).isEqualTo(home.resolve(".mamori/alerts.jsonl"));
        assertThat(bundled.alerts().syslogHost()).isNull();
    }

    @Test
    void valuesAreTyped() throws Exception {
        Path file = dir.resolve("mamori.yaml");
        Files.writeString(file, """
                data-dir: /var/lib/mamori
                watch:
                  paths: [~/Documents, /srv/share]
                  debounce-ms: 250
                scan:
                  workers: 2
                  isolation: in_process
                actions:
                  quarantine-min-severity: high
                alerts:
                  syslog: {host: 127.0.0.1, port: 5514, protocol: tcp}
                """);
        AgentConfig c = new AgentConfigLoader(home).load(file);
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/mamori"));
        assertThat(c.watch().paths()).containsExactly(home.resolve("Documents"), Path.of("/srv/share"));
        assertThat(c.watch().debounce()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.scan().workers()).isEqualTo(2);
        assertThat(c.scan().isolated()).isFalse();
        assertThat(c.actions().quarantineMin()).isEqualTo(Severity.HIGH);
        assertThat(c.alerts().syslogTransport()).isEqualTo(dev.mamori.alert.SyslogSink.Transport.TCP);
        assertThat(c.alerts().syslogPort()).isEqualTo(5514);
    }

    @Test
    void mistakesAreLocatedAndNamed() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                watch:
                  debounce: 100
                scan:
                  workers: many
                  isolation: container
                actions:
                  quarantine-exit-points: [usb, fax]
                alerts: off
                """);
        assertThatThrownBy(() -> new AgentConfigLoader(home).load(file))
                .isInstanceOfSatisfying(AgentConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .anyMatch(p -> p.endsWith("bad.yaml:2:3: 'watch': unknown key 'debounce' (did you mean 'debounce-ms'?)"))
                        .anyMatch(p -> p.endsWith("bad.yaml:4:12: 'workers' must be a whole number, not 'many'"))
                        .anyMatch(p -> p.contains("bad.yaml:5:14: 'scan.isolation' must be one of process, in_process"))
                        .anyMatch(p -> p.contains("bad.yaml:7:27: 'actions.quarantine-exit-points': unknown value 'fax'"))
                        .anyMatch(p -> p.contains("bad.yaml:8:9: 'alerts' is a section")));
    }

    @Test
    void aSyslogCaThatCannotBeUsedIsAConfigProblemNotAFailureAtTheFirstAlert() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        Path file = Files.writeString(dir.resolve("tls.yaml"), """
                alerts:
                  syslog: {host: siem.example, port: 6514, protocol: tls, ca: '%s'}
                """.formatted(notPem));
        assertThatThrownBy(() -> new AgentConfigLoader(home).load(file))
                .isInstanceOfSatisfying(AgentConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .anyMatch(p -> p.contains("tls.yaml:2:") && p.contains("'alerts.syslog.ca'") && p.contains("ca.pem")));
        Files.writeString(file, """
                alerts:
                  syslog: {host: siem.example, protocol: udp, ca: '%s'}
                """.formatted(notPem));
        assertThatThrownBy(() -> new AgentConfigLoader(home).load(file))
                .isInstanceOfSatisfying(AgentConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).anyMatch(p -> p.contains("used only with 'protocol: tls'")));
    }

    @Test
    void bytesThatAreNotUtf8AndControlCharactersAreLocatedProblemsNotCrashes() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "data-dir: /tmp/x\nwatch:\n  outboxes: ['/home/jos\u00e9']\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new AgentConfigLoader(dir).load(latin1)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining(latin1 + ":3:")
                .hasMessageContaining("not UTF-8 (byte 0xE9): save the file as UTF-8");
        Path control = dir.resolve("control.yaml");
        Files.writeString(control, "data-dir: /tmp/x\nalerts:\n  webhook: {url: 'https://siem.example/in\u0007'}\n");
        assertThatThrownBy(() -> new AgentConfigLoader(dir).load(control)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining(control + ":3:").hasMessageContaining("character U+0007 is not allowed in YAML");
    }

    @Test
    void aBundleUrlMustBeHttpsAndComeWithAKey() throws Exception {
        Path file = dir.resolve("bundle.yaml");
        Files.writeString(file, "rules:\n  bundle: {url: 'http://rules.example/b.zip?token=x'}\n");
        assertThatThrownBy(() -> new AgentConfigLoader(dir).load(file)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("must be an https:// URL").hasMessageContaining("needs 'rules.bundle.public-key'")
                .hasMessageNotContaining("token=x");
    }

    @Test
    void everyDeclaredKeyHasADescriptionAndAValidDefault() {
        assertThat(Settings.ALL).allSatisfy(s -> {
            assertThat(s.description()).isNotBlank();
            if (s.type() == Settings.Type.CHOICE) {
                assertThat(s.choices()).contains((String) s.defaultValue());
            }
        });
        assertThat(Settings.ALL.stream().map(Settings.Setting::key).distinct()).hasSize(Settings.ALL.size());
        assertThat(List.copyOf(Settings.BY_KEY.keySet())).hasSize(Settings.ALL.size());
    }
}
