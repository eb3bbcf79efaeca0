package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.bench.CorpusGenerator;
import dev.mamori.testing.JsonlAlerts;
import dev.mamori.testing.MamoriProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB customer list dropped in a watched folder of a real agent JVM with the service units'
 * heap (256 MB): its text is spooled and judged in windows, so it gets its alert with every row
 * counted, and the agent goes on judging the files after it. Before windows, a 23 MB list ended the
 * scan thread with an OutOfMemoryError.
 */
class AgentLargeFileIT {

    @TempDir
    Path root;

    @Test
    void aHundredMegabyteCustomerListIsJudgedWholeInA256MegabyteAgent() throws Exception {
        Path watched = Files.createDirectories(root.resolve("OneDrive"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 200}
                """.formatted(data, watched));
        // written beside the folder and moved in whole, as a sync client or a copy would leave it
        Path staged = root.resolve("会員名簿_全件.csv");
        long rows = new CorpusGenerator(5).customerList(staged, 100_000_000);
        Path log = root.resolve("agent.log");
        Process agent = MamoriProcess.builder(List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC"),
                "agent", "--config", config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path jsonl = data.resolve("alerts.jsonl");
            Files.move(staged, watched.resolve(staged.getFileName()));
            JsonNode big = JsonlAlerts.awaitOne(jsonl, a -> a.path("file").path("name").asText().equals("会員名簿_全件.csv"),
                    "the 100 MB list", Duration.ofMinutes(6));
            Alert alert = AlertJson.fromJson(big);
            assertThat(alert.records()).as("every row a record").isEqualTo((int) rows);
            assertThat(alert.severity()).isEqualTo(dev.mamori.verdict.Severity.HIGH);
            assertThat(alert.counts()).containsEntry("PERSON_NAME", (int) rows).containsEntry("DATE_OF_BIRTH", (int) rows);
            assertThat(agent.isAlive()).as("the agent is still up").isTrue();

            // and it goes on: the next file is judged too
            Files.writeString(watched.resolve("後.csv"), "氏名,電話番号\n山田 太郎,090-1234-5678\n鈴木 花子,080-2345-6789\n",
                    StandardCharsets.UTF_8);
            JsonlAlerts.awaitOne(jsonl, a -> a.path("file").path("name").asText().equals("後.csv"), "the next file",
                    Duration.ofSeconds(60));
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError", "090-1234-5678");
        } finally {
            agent.destroy();
            assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(agent.exitValue()).as(Files.readString(log)).isZero();
    }
}
