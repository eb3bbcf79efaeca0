package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.agent.Agent;
import dev.mamori.platform.ProcessUser;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.testing.TestAgents;
import dev.mamori.testing.RealisticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori inventory}: the register of what the organisation holds, quarantined files included. */
class InventoryCommandTest {

    @TempDir
    Path root;

    @Test
    void aQuarantinedFileStaysInTheRegisterWithItsQuarantineState() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(root.resolve("corpus"));
        Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), usb.resolve("list.csv"));
        Files.copy(corpus.root().resolve("履歴書_高橋さくら.docx"), usb.resolve("resume.docx"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {cloud-sync: false}
                scan: {isolation: in_process}
                actions: {quarantine-min-severity: high}
                """.formatted(data));
        try (Agent agent = TestAgents.started(root, config, "pc")) {
            agent.awaitChecked(2, Duration.ofSeconds(90));
        }
        assertThat(usb.resolve("list.csv")).doesNotExist();

        JsonNode register = new ObjectMapper().readTree(ScanCommandTest.mamori("inventory", "--data-dir", data.toString(),
                "--format", "json").out());
        JsonNode list = entry(register, "list.csv");
        assertThat(list.path("state").asText()).startsWith("quarantined ");
        assertThat(list.path("records").asInt()).isEqualTo(25);
        assertThat(list.path("severity").asText()).isEqualTo("high");
        assertThat(list.path("types").path("PHONE_NUMBER").asInt()).isEqualTo(25);
        String csv = ScanCommandTest.mamori("inventory", "--data-dir", data.toString()).out();
        assertThat(csv).contains("list.csv", "quarantined", "PHONE_NUMBER 25").doesNotContain("{", "=");

        // once restored, the quarantine no longer holds it
        String id = list.path("state").asText().split(" ")[1];
        new Quarantine(data.resolve("quarantine"), Clock.systemUTC()).restore(id, ProcessUser.current(), "needed", p -> true);
        JsonNode after = new ObjectMapper().readTree(ScanCommandTest.mamori("inventory", "--data-dir", data.toString(),
                "--format", "json").out());
        assertThat(StreamSupport.stream(after.spliterator(), false).map(n -> n.path("state").asText()))
                .noneMatch(s -> s.startsWith("quarantined"));
    }

    private static JsonNode entry(JsonNode register, String name) {
        return StreamSupport.stream(register.spliterator(), false).filter(n -> n.path("path").asText().endsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in the register: " + register));
    }
}
