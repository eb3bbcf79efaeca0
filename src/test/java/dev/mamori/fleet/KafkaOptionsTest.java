package dev.mamori.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.AgentConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theAgentConfigTurnsTheKafkaSinkOnWithItsSecurityOptions() throws Exception {
        Path config = dir.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                alerts:
                  kafka:
                    bootstrap: kafka-1:9093,kafka-2:9093
                    topic: dlp-alerts
                    security-protocol: SASL_SSL
                    ssl-truststore: ca.pem
                    sasl-mechanism: SCRAM-SHA-512
                    sasl-username: mamori-agent
                    sasl-password-file: kafka.password
                    timeout-ms: 10000
                """.formatted(dir));
        KafkaOptions k = new AgentConfigLoader(dir).load(config).alerts().kafka();
        assertThat(k).isEqualTo(new KafkaOptions("kafka-1:9093,kafka-2:9093", "dlp-alerts", "SASL_SSL", dir.resolve("ca.pem"),
                "SCRAM-SHA-512", "mamori-agent", dir.resolve("kafka.password"), Duration.ofSeconds(10)));
        AgentConfig defaults = new AgentConfigLoader(dir).defaultsOnly();
        assertThat(defaults.alerts().kafka()).as("off by default").isNull();
    }

    @Test
    void thePasswordComesFromItsFileIntoTheJaasConfigOnlyAndNeverIntoToString() throws Exception {
        Path secret = Files.writeString(dir.resolve("kafka.password"), "s3cr\"et\n");
        KafkaOptions k = new KafkaOptions("kafka:9093", "alerts", "SASL_SSL", dir.resolve("ca.pem"), "PLAIN", "agent", secret,
                Duration.ofSeconds(5));
        var p = k.clientProperties();
        assertThat(p.getProperty("sasl.jaas.config")).isEqualTo(
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"agent\" password=\"s3cr\\\"et\";");
        assertThat(p.getProperty("ssl.truststore.type")).isEqualTo("PEM");
        assertThat(k.toString()).doesNotContain("s3cr").contains("SASL_SSL PLAIN as agent");
    }

    @Test
    void aMissingPasswordFileIsNamedAndUnknownProtocolsAreRefused() {
        KafkaOptions k = new KafkaOptions("kafka:9093", "alerts", "SASL_PLAINTEXT", null, "PLAIN", "agent",
                dir.resolve("missing"), Duration.ofSeconds(5));
        assertThatThrownBy(k::clientProperties).hasMessageContaining(dir.resolve("missing").toString());
        assertThatThrownBy(() -> new KafkaOptions("kafka:9093", "alerts", "TLS", null, "PLAIN", "", null, Duration.ofSeconds(5)))
                .hasMessageContaining("'TLS'");
    }
}
