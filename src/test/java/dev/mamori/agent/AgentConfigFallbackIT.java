package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.testing.CompanyPack;
import dev.mamori.testing.MamoriProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config or custom pack with a mistake never leaves the machine unprotected: the agent starts
 * with the last good ones (or the built-in defaults), says so in a health alert the SIEM receives,
 * and keeps secrets out of what it prints.
 */
class AgentConfigFallbackIT {

    private static final Duration START = Duration.ofSeconds(60);
    @TempDir
    Path root;

    @Test
    void aBrokenConfigAndPackAtStartRunTheLastGoodOnesAndRaiseHealthAlerts() throws Exception {
        Path outbox = Files.createDirectories(root.resolve("outbox"));
        Path packs = Files.createDirectories(root.resolve("rules.d"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(packs.resolve("company.yaml"), CompanyPack.employeeIds(3));
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process}
                rules: {add: ['%s']}
                """.formatted(data, outbox, packs));
        Process first = MamoriProcess.start(root.resolve("first.log"), "agent", "--config", config.toString(),
                "--data-dir", data.toString());
        try {
            await().atMost(START).until(() -> Files.exists(data.resolve("status.json")));
            await().atMost(START).until(() -> Files.exists(data.resolve("last-good/rules/000-company.yaml")));
        } finally {
            stop(first);
        }

        // an edit with two mistakes, one of them a URL holding a token; and a pack with a bad regex
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process, workers: many}
                rules: {add: ['%s']}
                alerts: {webhook: {url: 'https://hooks.example/in?token=S3CRET-T0KEN with space'}}
                """.formatted(data, outbox.resolveSibling("elsewhere"), packs));
        Files.writeString(packs.resolve("company.yaml"), "pack: company\nrules:\n  - id: emp\n    type: EMPLOYEE_ID\n"
                + "    patterns: ['EMP-(']\n");
        Path log = root.resolve("second.log");
        Process second = MamoriProcess.start(log, "agent", "--config", config.toString(), "--data-dir", data.toString());
        try {
            Path jsonl = data.resolve("alerts.jsonl");
            JsonNode configRefused = awaitAlert(jsonl, a -> health(a, "config-refused"));
            assertThat(configRefused.toString()).contains("mamori.yaml:3:").doesNotContain("S3CRET");

            // the last good config watches the old outbox, and its kept pack (not the broken one) finds employee ids
            Files.writeString(outbox.resolve("staff.txt"), "EMP-100001 EMP-100002 EMP-100003\n");
            JsonNode alert = awaitAlert(jsonl, a -> a.path("file").path("path").asText().endsWith("staff.txt"));
            assertThat(alert.path("mamori").path("types").path("EMPLOYEE_ID").asInt()).isEqualTo(3);
            assertThat(second.isAlive()).isTrue();
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("running with the last good config")
                    .doesNotContain("S3CRET");
        } finally {
            stop(second);
        }
    }

    @Test
    void withNothingKeptABrokenConfigRunsTheBuiltInDefaults() throws Exception {
        Path data = root.resolve("data");
        Path config = Files.writeString(root.resolve("mamori.yaml"), "data-dir: %s\nwatch: {debounce-ms: \u0007}\n".formatted(data));
        Path log = root.resolve("agent.log");
        Process agent = MamoriProcess.start(log, "agent", "--config", config.toString(), "--data-dir", data.toString());
        try {
            JsonNode refused = awaitAlert(data.resolve("alerts.jsonl"), a -> health(a, "config-refused"));
            assertThat(refused.toString()).contains("mamori.yaml:2:");
            assertThat(agent.isAlive()).isTrue();
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("running with the built-in defaults");
        } finally {
            stop(agent);
        }
    }

    private static boolean health(JsonNode alert, String problem) {
        return alert.toString().contains("agent-health:" + problem);
    }

    private static JsonNode awaitAlert(Path jsonl, Predicate<JsonNode> what) {
        return await().atMost(START).ignoreExceptions().until(() -> alerts(jsonl).stream().filter(what).findFirst(), Optional::isPresent).get();
    }

    private static List<JsonNode> alerts(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(jsonl)) {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(new ObjectMapper().readTree(line));
                }
            }
        }
        return out;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor();
    }
}
