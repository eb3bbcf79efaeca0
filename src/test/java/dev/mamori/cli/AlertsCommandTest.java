package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mamori.agent.Agent;
import dev.mamori.testing.TestAgents;
import dev.mamori.testing.RealisticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori alerts search} over a store the agent filled from realistic files (no hand-made store). */
class AlertsCommandTest {

    @TempDir
    Path root;

    @Test
    void searchesTheStoreWithLuceneSyntaxWhileTheAgentRuns() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(root.resolve("corpus"));
        Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
        Path outbox = Files.createDirectories(root.resolve("outbox"));
        Files.copy(corpus.root().resolve("入社手続き_マイナンバー提出.txt"), usb.resolve("mynumber.txt"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), usb.resolve("list.csv"));
        Files.copy(corpus.root().resolve("履歴書_高橋さくら.docx"), outbox.resolve("resume.docx"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {outboxes: ['%s'], cloud-sync: false}
                scan: {isolation: in_process}
                """.formatted(data, outbox));
        try (Agent agent = TestAgents.started(root, config, "pc")) {
            agent.awaitChecked(3, Duration.ofSeconds(90));

            String dir = data.toString();
            ScanCommandTest.Run myNumber = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir,
                    "type:JAPAN_INDIVIDUAL_NUMBER AND exit:usb AND severity:high");
            assertThat(myNumber.exit()).as(myNumber.err()).isZero();
            assertThat(myNumber.out()).contains("mynumber.txt", "1 alert(s)").doesNotContain("list.csv");

            ScanCommandTest.Run usbAlerts = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "exit:usb");
            assertThat(usbAlerts.out()).contains("mynumber.txt", "list.csv", "2 alert(s)");
            assertThat(usbAlerts.out()).as("type counts as a list, never map text").doesNotContain("{", "=")
                    .containsPattern("JAPAN_INDIVIDUAL_NUMBER \\d+");
            ScanCommandTest.Run tokyo = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "--zone", "Asia/Tokyo",
                    "exit:usb");
            assertThat(tokyo.out()).as("times to the second in the zone asked for").containsPattern(
                    "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\+09:00 ");
            assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "pack:jp-pii").out())
                    .as("every alert records its packs").contains("3 alert(s)");
            assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "pack:\"jp-pii 2026.12.3\"").out())
                    .contains("3 alert(s)");
            assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "pack:\"jp-pii 2025.1\"").out())
                    .contains("0 alert(s)");
            assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "--zone", "Mars/Base", "*:*").err())
                    .contains("unknown time zone 'Mars/Base'");

            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            ScanCommandTest.Run jsonl = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "--format", "jsonl",
                    "exit:outbox AND date:[2000-01-01 TO " + today + "]");
            assertThat(jsonl.out().lines()).singleElement().asString().contains("\"exit_point\":\"outbox\"", "resume.docx");

            ScanCommandTest.Run verify = ScanCommandTest.mamori("verify", "--data-dir", dir);
            assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).startsWith("OK: 3 record(s), head 3:");

            ScanCommandTest.Run bad = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "type:(");
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("cannot parse query");

            // triage while the agent holds the store: handed over, recorded within a second or two
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonl.out().lines().findFirst().orElseThrow())
                    .path("event").path("id").asText();
            ScanCommandTest.Run escalate = ScanCommandTest.mamori("alerts", "escalate", "--data-dir", dir, id,
                    "--note", "送付先を確認する");
            assertThat(escalate.out()).contains("handed to the running agent");
            await("the agent recording the escalation").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "exit:outbox").out(),
                            state -> state.contains("escalate"));
        }
        String dir = data.toString();
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ScanCommandTest.mamori("alerts", "search",
                "--data-dir", dir, "--format", "jsonl", "exit:usb AND type:JAPAN_INDIVIDUAL_NUMBER").out().strip())
                .path("event").path("id").asText();
        ScanCommandTest.Run dismiss = ScanCommandTest.mamori("alerts", "dismiss", "--data-dir", dir, id, "--note", "test data");
        assertThat(dismiss.out()).contains("dismiss recorded", "exclusions:", "paths:", "mynumber.txt");
        assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "exit:usb").out()).contains("dismiss");
        assertThat(ScanCommandTest.mamori("verify", "--data-dir", dir).out()).startsWith("OK: 5 record(s)");
        assertThat(ScanCommandTest.mamori("alerts", "ack", "--data-dir", dir, "no-such-id", "--note", "x").exit()).isEqualTo(2);

        // the persons concerned by what left on the stick, from the alerts
        ScanCommandTest.Run impact = ScanCommandTest.mamori("impact", "--data-dir", dir, "--alerts", "exit:usb");
        assertThat(impact.out()).contains("files: 2", "distinct persons: 25", "My Numbers: 2");
        assertThat(impact.exit()).isZero();

        // keyword fields match whatever the case typed
        assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "severity:HIGH AND exit:USB").out())
                .contains("mynumber.txt", "list.csv", "2 alert(s)");
        assertThat(ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "type:japan_individual_number").out())
                .contains("mynumber.txt", "1 alert(s)");
        // a query with a slash (a path) is one clear line, never a stack trace
        String slashQuery = "path:/media/taro/x.csv";
        for (String[] command : List.of(new String[] {"alerts", "search", "--data-dir", dir, slashQuery},
                new String[] {"impact", "--data-dir", dir, "--alerts", slashQuery})) {
            ScanCommandTest.Run slash = ScanCommandTest.mamori(command);
            assertThat(slash.exit()).as(command[0]).isEqualTo(2);
            assertThat(slash.err().lines().toList()).as(command[0]).singleElement().asString()
                    .startsWith("mamori ").contains("quote paths").doesNotContain("Exception");
        }

        // the files are gone: no evidence, so no "criteria not met"
        Files.delete(usb.resolve("mynumber.txt"));
        Files.delete(usb.resolve("list.csv"));
        ScanCommandTest.Run gone = ScanCommandTest.mamori("impact", "--data-dir", dir, "--alerts", "exit:usb");
        assertThat(gone.exit()).isEqualTo(ExitCodes.CANNOT_JUDGE);
        assertThat(gone.out()).contains("files: 0", "no longer there", "cannot judge: nothing could be counted")
                .doesNotContain("criteria not met");

        // the personal-data file register comes from the same agent's state store
        var register = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ScanCommandTest.mamori("inventory", "--data-dir", dir, "--format", "json").out());
        assertThat(register).hasSize(3);
        var list = java.util.stream.StreamSupport.stream(register.spliterator(), false)
                .filter(n -> n.path("path").asText().endsWith("list.csv")).findFirst().orElseThrow();
        assertThat(list.path("records").asInt()).isEqualTo(25);
        assertThat(list.path("types").path("PHONE_NUMBER").asInt()).isEqualTo(25);
        Path csv = root.resolve("register.csv");
        ScanCommandTest.mamori("inventory", "--data-dir", dir, "--output", csv.toString());
        assertThat(Files.readString(csv)).startsWith("\uFEFFpath,severity,records,types,last_scanned").contains("mynumber.txt");
    }
}
