package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.agent.Agent;
import dev.mamori.alert.AlertStore;
import dev.mamori.platform.ProcessUser;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.testing.JsonlAlerts;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.testing.TestAgents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori quarantine list|restore} on a real quarantine folder, beside a running agent or alone. */
class QuarantineCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsAndRestoresByteForByteWithTheModeAndRefusesWhatIsNotWatched() throws Exception {
        Path data = dir.resolve("data");
        Path share = Files.createDirectories(dir.resolve("share"));
        Path config = Files.writeString(dir.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {paths: [%s], cloud-sync: false, removable-media: false}
                """.formatted(data, share));
        Path file = Files.writeString(share.resolve("顧客.csv"), "氏名,電話\n山田 太郎,090-1234-5678\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        byte[] original = Files.readAllBytes(file);
        Quarantine quarantine = new Quarantine(data.resolve("quarantine"), Clock.systemUTC());
        String id = quarantine.quarantine(file, "severity high").id();
        Path outside = Files.writeString(dir.resolve("elsewhere.csv"), "氏名\n山田 太郎\n", StandardCharsets.UTF_8);
        String outsideId = quarantine.quarantine(outside, "severity high").id();

        ScanCommandTest.Run list = ScanCommandTest.mamori("quarantine", "list", "-c", config.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id, file.toAbsolutePath().toString(), "severity high");

        ScanCommandTest.Run unexplained = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), id);
        assertThat(unexplained.exit()).isEqualTo(2);
        assertThat(unexplained.err()).contains("--note");
        assertThat(file).doesNotExist();

        ScanCommandTest.Run restore = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), id,
                "--note", "the customer's own list, sent back to them");
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
        assertThat(restore.err()).contains("no alert store", "quarantine record only");
        assertThat(ScanCommandTest.mamori("quarantine", "list", "-c", config.toString()).out())
                .contains("restored ", " by " + ProcessUser.current().describe());

        ScanCommandTest.Run again = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), id, "--note", "x");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already restored");
        ScanCommandTest.Run notWatched = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), outsideId,
                "--note", "x");
        assertThat(notWatched.exit()).isEqualTo(2);
        assertThat(notWatched.err()).contains("not in a place the agent watches");
        assertThat(outside).doesNotExist();
        assertThat(ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), "../x", "--note", "x").err())
                .contains("no quarantined file with id");
    }

    @Test
    void aRestoreWhileTheAgentRunsStaysRestoredAndIsInTheAuditTrail() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(dir.resolve("corpus"));
        Path stick = Files.createDirectories(dir.resolve("media/taro/STICK"));
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {cloud-sync: false, debounce-ms: 200, mount-parents: [%s]}
                scan: {isolation: in_process}
                actions: {quarantine-min-severity: high}
                """.formatted(data, dir.resolve("media/taro")));
        Path jsonl = data.resolve("alerts.jsonl");
        try (Agent agent = TestAgents.started(dir, config, "pc")) {
            Path list = stick.resolve("list.csv");
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), list);
            JsonNode quarantined = JsonlAlerts.awaitOne(jsonl, a -> a.path("mamori").path("action").asText().equals("quarantine"),
                    "the quarantine", Duration.ofSeconds(30));
            String id = quarantined.path("mamori").path("quarantine_id").asText();
            assertThat(list).doesNotExist();

            ScanCommandTest.Run restore = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), id,
                    "--note", "ticket 4711: needed for the audit visit");
            assertThat(restore.exit()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("handed to the running agent");

            // the agent judges the file it sees come back: it alerts (the file is at an exit point) and leaves it there
            JsonNode alert = JsonlAlerts.awaitOne(jsonl, a -> a.path("mamori").path("action").asText().equals("alert"),
                    "the alert on the restored file", Duration.ofSeconds(30));
            assertThat(alert.path("file").path("name").asText()).isEqualTo("list.csv");
            assertThat(alert.path("event").path("id").asText()).isNotEqualTo(quarantined.path("event").path("id").asText());
            assertThat(list).exists();
            assertThat(new Quarantine(data.resolve("quarantine"), Clock.systemUTC()).list()).hasSize(1);

            String alertId = quarantined.path("event").path("id").asText();
            await("the restore in the audit trail").atMost(Duration.ofSeconds(30))
                    .until(() -> AlertStore.triageState(data.resolve("alerts")).containsKey(alertId));
            var decision = AlertStore.triageState(data.resolve("alerts")).get(alertId);
            assertThat(decision.action()).isEqualTo(dev.mamori.alert.TriageAction.RESTORE);
            assertThat(decision.by()).isEqualTo(ProcessUser.current().describe());
            assertThat(decision.note()).contains(id, "ticket 4711");
        }
        try (Agent again = TestAgents.started(dir, config, "pc")) {
            again.awaitChecked(1, Duration.ofSeconds(30));
            assertThat(stick.resolve("list.csv")).as("not quarantined at the next start either").exists();
        }
    }

    @Test
    void statusWithoutAnAgentSaysSo() {
        ScanCommandTest.Run status = ScanCommandTest.mamori("status", "--data-dir", dir.resolve("nothing").toString());
        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("no agent status");
    }
}
