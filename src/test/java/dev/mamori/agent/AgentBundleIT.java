package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.bundle.BundleKeys;
import dev.mamori.bundle.BundleWriter;
import dev.mamori.testing.MamoriProcess;
import dev.mamori.testing.TlsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's signed rule bundle reaches a real agent process over HTTPS: a tampered bundle is
 * refused with a health alert and the agent keeps running its packs; a good one is verified,
 * installed and applied through the reload path, and every alert names the bundle's version.
 */
class AgentBundleIT {

    static final String COMPANY_PACK = """
            pack: acme
            version: 2026.12
            rules:
              - id: acme-emp
                type: EMPLOYEE_ID
                patterns: ['EMP-\\d{6}']
                confidence: high
                samples: {positive: ['EMP-123456'], negative: ['EMP-1']}
            policy:
              - id: acme-employee-ids
                when: {type: EMPLOYEE_ID, min-count: 3}
                severity: medium
            """;

    @TempDir
    Path root;

    @Test
    void aTamperedBundleIsRefusedAndAGoodOneIsAppliedAndNamedInEveryAlert() throws Exception {
        KeyPair org = BundleKeys.generate();
        Path pub = root.resolve("org.pub");
        BundleKeys.write(org, root.resolve("org.key"), pub);
        Path pack = Files.writeString(Files.createDirectories(root.resolve("src")).resolve("acme.yaml"), COMPANY_PACK);
        byte[] good = BundleWriter.sign(List.of(pack), "2026.12.1", Instant.now(), org.getPrivate());
        byte[] forged = BundleWriter.sign(List.of(pack), "2026.12.1", Instant.now(), BundleKeys.generate().getPrivate());
        Path outbox = Files.createDirectories(root.resolve("outbox"));
        Path data = root.resolve("data");
        Path jsonl = data.resolve("alerts.jsonl");
        try (TlsServer server = new TlsServer(Files.createDirectories(root.resolve("tls")))) {
            Path config = root.resolve("mamori.yaml");
            Files.writeString(config, """
                    data-dir: %s
                    watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                    scan: {isolation: in_process}
                    rules:
                      bundle: {url: '%s', public-key: '%s', ca: '%s'}
                    """.formatted(data, outbox, server.url("/rules/bundle.zip?token=s3cret"), pub, server.caPem()));

            server.serve("/rules/bundle.zip", forged);
            Process first = MamoriProcess.start(root.resolve("agent1.log"), "agent", "--config", config.toString());
            try {
                JsonNode refused = await(jsonl, a -> a.path("mamori").path("action").asText().equals("health"), "bundle refused");
                assertThat(refused.path("rule").path("name").toString()).contains("agent-health:bundle-refused");
                assertThat(refused.path("mamori").path("samples").toString()).contains("signature does not match")
                        .doesNotContain("s3cret");
            } finally {
                first.destroy();
                first.waitFor();
            }

            server.serve("/rules/bundle.zip", good);
            Process second = MamoriProcess.start(root.resolve("agent2.log"), "agent", "--config", config.toString());
            try {
                // installed at the first check, applied by the reload check (every 5 s)
                awaitStatus(data, s -> s.contains("rules-bundle 2026.12.1"));
                Files.writeString(outbox.resolve("staff.txt"), "EMP-100001 EMP-100002 EMP-100003\n");
                JsonNode alert = await(jsonl, a -> a.path("file").path("path").asText().endsWith("staff.txt"), "staff.txt");
                assertThat(alert.path("mamori").path("types").path("EMPLOYEE_ID").asInt()).isEqualTo(3);
                assertThat(alert.path("mamori").path("packs")).extracting(JsonNode::asText)
                        .contains("rules-bundle 2026.12.1", "acme 2026.12", "jp-pii 2026.12.3");
                assertThat(Files.readString(root.resolve("agent2.log"))).doesNotContain("s3cret");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static void awaitStatus(Path data, Predicate<String> what) {
        Path status = data.resolve(AgentStatus.FILE);
        org.awaitility.Awaitility.await("the status showing it").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.exists(status) ? Files.readString(status) : "no status", what::test);
    }

    private static JsonNode await(Path jsonl, Predicate<JsonNode> what, String description) {
        return dev.mamori.testing.JsonlAlerts.awaitOne(jsonl, what, description, Duration.ofSeconds(60));
    }
}
