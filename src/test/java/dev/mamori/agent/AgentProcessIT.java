package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.testing.MamoriProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as a real process: killed with SIGKILL in the middle of a scan and started again, it
 * loses no alert and does not extract again what it had already recorded; SIGTERM stops it cleanly;
 * {@code mamori status} talks to it.
 */
class AgentProcessIT {

    @TempDir
    Path root;

    static final int FILES = 60;

    private Process start(Path config, Path log) throws Exception {
        return MamoriProcess.start(log, "agent", "--config", config.toString());
    }

    private JsonNode status(Path data) throws Exception {
        Path file = data.resolve("status.json");
        return Files.exists(file) ? new ObjectMapper().readTree(file.toFile()) : new ObjectMapper().createObjectNode();
    }

    private JsonNode await(Path data, java.util.function.Predicate<JsonNode> condition, String what) {
        return org.awaitility.Awaitility.await(what + " in status.json").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50)).until(() -> status(data), condition::test);
    }

    @Test
    void sigkillMidScanLosesNoAlertAndRestartSkipsWhatWasRecorded() throws Exception {
        Path watched = Files.createDirectories(root.resolve("share"));
        for (int i = 0; i < FILES; i++) {
            StringBuilder csv = new StringBuilder("氏名,電話番号,住所\r\n");
            for (int r = 0; r < 12; r++) {
                csv.append("山田 太郎,090-").append(String.format("%04d", i)).append('-').append(String.format("%04d", 1000 + r))
                        .append(",東京都千代田区丸の内1-2-").append(r + 1).append("\r\n");
            }
            Files.writeString(watched.resolve("list-" + i + ".csv"), csv.toString(), StandardCharsets.UTF_8);
        }
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process, pause-ms: 40}
                """.formatted(data, watched));

        Process first = start(config, root.resolve("first.log"));
        await(data, s -> s.path("scanned").asInt() >= FILES / 3, "a third of the files scanned");
        first.destroyForcibly().waitFor(); // kill -9 in the middle of the scan
        long extractedBefore = FILES; // upper bound; the real figure comes from the alerts below

        Process second = start(config, root.resolve("second.log"));
        try {
            JsonNode done = await(data, s -> s.path("unchanged").asInt() + s.path("extracted").asInt()
                    + s.path("reusedByHash").asInt() >= FILES && s.path("queue").asInt() == 0, "every file checked again");
            assertThat(done.path("extracted").asInt()).as("files extracted again after the restart")
                    .isLessThan((int) extractedBefore).isPositive();
            assertThat(done.path("unchanged").asInt()).as("files the first run had recorded").isPositive();

            // every file has at least one alert in the JSON Lines sink (at-least-once: some may have two)
            Path jsonl = data.resolve("alerts.jsonl");
            Set<String> alerted = dev.mamori.testing.JsonlAlerts.awaitAlertedFiles(jsonl, FILES, Duration.ofSeconds(60));
            assertThat(alerted).hasSize(FILES);

            // mamori status talks to the running agent
            Process status = MamoriProcess.builder("status", "--config", config.toString()).redirectErrorStream(true).start();
            String out = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(status.waitFor()).as(out).isZero();
            assertThat(out).contains("agent: running", "sink jsonl");
        } finally {
            second.destroy(); // SIGTERM: a clean stop
            assertThat(second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as("exit status after SIGTERM").isZero();
        }
        assertThat(status(data).path("state").asText()).isEqualTo("stopped");
        List<String> log = new ArrayList<>(Files.readAllLines(root.resolve("second.log")));
        assertThat(String.join("\n", log)).doesNotContain("090-0001-1000");
    }
}
