package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.alert.AlertStore;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.testing.TestAgents;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 6: with {@code alerts.mask-file-names: true}, the alert that leaves the laptop
 * (here through a real webhook) names the file masked, extension kept; the local store and
 * alerts.jsonl keep the path for IT.
 */
class MaskFileNamesTest {

    @TempDir
    Path root;

    @Test
    void theWebhookGetsAMaskedPathTheLocalStoreTheRealOne() throws Exception {
        LinkedBlockingQueue<JsonNode> posted = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", ex -> {
            JsonNode doc = new ObjectMapper().readTree(ex.getRequestBody().readAllBytes());
            if (!doc.path("event").path("kind").asText().equals("state")) { // chain heads carry no path
                posted.add(doc);
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
            Path file = usb.resolve("履歴書_高橋さくら.docx");
            Files.copy(RealisticCorpus.writeTo(root.resolve("corpus")).root().resolve("履歴書_高橋さくら.docx"), file);
            Path data = root.resolve("data");
            Path config = Files.writeString(root.resolve("mamori.yaml"), """
                    data-dir: %s
                    watch: {cloud-sync: false}
                    scan: {isolation: in_process}
                    alerts:
                      mask-file-names: true
                      retry-seconds: 1
                      webhook: {url: 'http://127.0.0.1:%d/alerts', allow-plain-http: true}
                    """.formatted(data, server.getAddress().getPort()));
            try (var agent = TestAgents.started(root, config, "pc")) {
                JsonNode alert = posted.poll(90, TimeUnit.SECONDS);
                assertThat(alert).as("an alert reached the webhook").isNotNull();
                String sent = alert.path("file").path("path").asText();
                assertThat(sent).endsWith("/S****/履********.docx").doesNotContain("高橋", "さくら", "taro", "STICK");
                assertThat(alert.toString()).doesNotContain("高橋さくら");
                assertThat(alert.path("file").path("hash").path("sha256").asText()).hasSize(64);
                agent.awaitIdle(Duration.ofSeconds(30));
            }
            assertThat(AlertStore.searchReadOnly(data.resolve("alerts"), "exit:usb", 10))
                    .extracting(a -> a.path()).containsExactly(file.toString());
            assertThat(Files.readString(data.resolve("alerts.jsonl"))).contains(file.toString());
        } finally {
            server.stop(0);
        }
    }
}
