package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.testing.CompanyPack;
import dev.mamori.testing.MamoriProcess;
import java.nio.file.Files;
import dev.mamori.testing.JsonlAlerts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule packs change under a running agent: a broken pack is refused with an agent-health alert and
 * the old rules stay in force; a good one is used from the next file on, without a restart.
 */
class AgentReloadIT {

    @TempDir
    Path root;

    private static JsonNode await(Path jsonl, Predicate<JsonNode> what, String description) {
        return JsonlAlerts.awaitOne(jsonl, what, description, Duration.ofSeconds(60));
    }

    @Test
    void brokenPacksAreRefusedAndGoodOnesApplyWithoutARestart() throws Exception {
        Path watched = Files.createDirectories(root.resolve("outbox"));
        Path packs = Files.createDirectories(root.resolve("rules.d"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process}
                rules: {add: ['%s']}
                """.formatted(data, watched, packs));
        Process agent = MamoriProcess.start(root.resolve("agent.log"), "agent", "--config", config.toString());
        Path jsonl = data.resolve("alerts.jsonl");
        try {
            org.awaitility.Awaitility.await("the agent's first status.json").atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(data.resolve("status.json")));
            Files.writeString(packs.resolve("company.yaml"), "pack: company\nrules:\n  - id: emp\n    type: EMPLOYEE_ID\n"
                    + "    patterns: ['EMP-(']\n");
            JsonNode health = await(jsonl, a -> a.path("mamori").path("action").asText().equals("health"),
                    "health alert for the broken pack");
            assertThat(health.path("mamori").path("samples").toString()).contains("company.yaml:5:").contains("bad regex");

            Files.writeString(packs.resolve("company.yaml"), CompanyPack.employeeIds(3));
            Thread.sleep(7_000); // the agent checks its config and packs every 5 s
            Files.writeString(watched.resolve("staff.txt"), "EMP-100001 EMP-100002 EMP-100003\n");
            JsonNode alert = await(jsonl, a -> a.path("file").path("path").asText().endsWith("staff.txt"),
                    "alert for staff.txt under the new rules");
            assertThat(alert.path("mamori").path("types").path("EMPLOYEE_ID").asInt()).isEqualTo(3);
            assertThat(alert.path("mamori").path("exit_point").asText()).isEqualTo("outbox");
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }
}
