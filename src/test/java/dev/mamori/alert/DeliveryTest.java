package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At-least-once, in-order delivery to a real HTTP server that goes down and comes back. */
class DeliveryTest {

    @TempDir
    Path dir;

    private final List<String> received = new CopyOnWriteArrayList<>();

    private HttpServer webhook(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/alerts", exchange -> {
            JsonNode alert = AlertJson.JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!alert.path("event").path("kind").asText().equals("state")) { // not the chain heads that follow
                received.add(alert.path("event").path("id").asText());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aSinkThatIsDownGetsEverythingInOrderWhenItComesBack() throws Exception {
        HttpServer server = webhook(0);
        int port = server.getAddress().getPort();
        String url = "http://127.0.0.1:" + port + "/alerts";
        try (AlertStore store = new AlertStore(dir.resolve("alerts"))) {
            Delivery delivery = new Delivery(store, new WebhookSink(url, Duration.ofSeconds(2)), dir.resolve("positions"),
                    Duration.ofMillis(50), 1_000);
            store.append(Alerts.alert(1));
            assertThat(delivery.deliverOnce()).isTrue();
            assertThat(received).containsExactly("alert-1");

            server.stop(0); // the SIEM goes down
            for (int i = 2; i <= 5; i++) {
                store.append(Alerts.alert(i));
            }
            assertThatThrownBy(delivery::deliverOnce).isInstanceOf(IOException.class);
            assertThat(delivery.backlog()).isEqualTo(4);

            // the agent restarts while the sink is still down: the position survives on disk
            Delivery afterRestart = new Delivery(store, new WebhookSink(url, Duration.ofSeconds(2)),
                    dir.resolve("positions"), Duration.ofMillis(50), 1_000);
            assertThat(afterRestart.position()).isEqualTo(1);

            server = webhook(port); // back
            while (afterRestart.deliverOnce()) {
                // drain
            }
            assertThat(received).containsExactly("alert-1", "alert-2", "alert-3", "alert-4", "alert-5");
            assertThat(afterRestart.backlog()).isZero();
            assertThat(Files.readString(dir.resolve("positions/webhook.position"), StandardCharsets.US_ASCII)).isEqualTo("5");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aFullSpoolSaysSoAndKeepsTheNewestAlerts() throws Exception {
        try (AlertStore store = new AlertStore(dir.resolve("alerts"))) {
            MemorySink sink = new MemorySink();
            List<Alert> sent = sink.sent;
            Delivery delivery = new Delivery(store, sink, dir.resolve("positions"), Duration.ofMillis(10), 3);
            for (int i = 1; i <= 5; i++) {
                store.append(Alerts.alert(i));
            }
            delivery.deliverOnce();
            assertThat(delivery.dropped()).isEqualTo(2);
            assertThat(sent).extracting(Alert::id).containsExactly("alert-3", "alert-4", "alert-5");
            assertThat(store.readAfter(0, 10)).hasSize(5); // nothing is lost from the store
        }
    }

    @Test
    void jsonlSinkAppendsEcsLinesOwnerOnly() throws Exception {
        Path file = dir.resolve("out/alerts.jsonl");
        new JsonlSink(file).deliver(List.of(Alerts.alert(1).withSeq(1), Alerts.alert(2).withSeq(2)));
        new JsonlSink(file).deliver(List.of(Alerts.alert(3).withSeq(3)));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(AlertJson.JSON.readTree(lines.get(2)).path("event").path("sequence").asLong()).isEqualTo(3);
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aTriageRecordDoesNotMakeTheDeliveryThreadSpin() throws Exception {
        try (AlertStore store = new AlertStore(dir.resolve("alerts"))) {
            MemorySink sink = new MemorySink();
            List<Alert> sent = sink.sent;
            Delivery delivery = new Delivery(store, sink, dir.resolve("positions"), Duration.ofMillis(50), 1_000);
            Thread thread = new Thread(delivery, "test-deliver");
            thread.start();
            try {
                store.append(Alerts.alert(1));
                awaitSent(sent, 1);
                store.triage(new Triage("alert-1", dev.mamori.alert.TriageAction.ACK, "seen", "hanako", java.time.Instant.parse("2026-11-26T04:00:00Z")));
                long before = delivery.polls();
                // idleness can only be seen over a while: a spinning thread reads the store thousands of
                // times a second, a waiting one once per second (its wait's timeout)
                Thread.sleep(1_500);
                assertThat(delivery.polls() - before).as("store reads while idle after a triage record").isLessThanOrEqualTo(3);
                assertThat(delivery.backlog()).isZero();

                store.append(Alerts.alert(2)); // a real alert still ends the wait at once
                awaitSent(sent, 2);
                assertThat(sent).extracting(Alert::id).containsExactly("alert-1", "alert-2");
            } finally {
                delivery.stop();
                thread.interrupt();
                thread.join(5_000);
            }
        }
    }

    @Test
    void atShutdownTheSinkGetsTheNewestHeadWhateverTheInterval() throws Exception {
        try (AlertStore store = new AlertStore(dir.resolve("alerts"))) {
            MemorySink sink = new MemorySink();
            List<Alert> sent = sink.sent;
            List<String> heads = sink.heads;
            Delivery delivery = new Delivery(store, sink, dir.resolve("positions"), Duration.ofMillis(50), 1_000);
            Thread thread = new Thread(delivery, "test-deliver");
            thread.start();
            store.append(Alerts.alert(1));
            await("the first head").atMost(Duration.ofSeconds(10)).until(() -> heads.size() == 1);
            store.append(Alerts.alert(2)); // delivered well within the interval between heads
            awaitSent(sent, 2);
            assertThat(heads).as("no second head yet: at most one per %s", Delivery.HEAD_EVERY).hasSize(1);

            delivery.stop();
            thread.join(5_000);
            assertThat(heads).hasSize(2).last().isEqualTo(store.head()).asString().startsWith("2:");
        }
    }

    /** A sink that keeps what it is given: the alerts, and the chain heads after them. */
    private static final class MemorySink implements Sink {
        final List<Alert> sent = new CopyOnWriteArrayList<>();
        final List<String> heads = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public void deliver(List<Alert> batch) {
            sent.addAll(batch);
        }

        @Override
        public void deliverChainHead(String host, String head, java.time.Instant at) {
            heads.add(head);
        }
    }

    private static void awaitSent(List<Alert> sent, int count) {
        await(count + " alerts sent").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> sent.size() >= count);
        assertThat(sent).hasSize(count);
    }

    /**
     * The agent stops its deliveries without interrupting them (an interrupt inside a Lucene read
     * closes the alert store's files), so an hour's pause before the next retry ends on stop().
     */
    @Test
    void stopEndsTheRetryPauseOfASinkThatIsDownWithoutAnInterrupt() throws Exception {
        try (AlertStore store = new AlertStore(dir.resolve("alerts"))) {
            Sink down = new Sink() {
                @Override
                public String name() {
                    return "down";
                }

                @Override
                public void deliver(List<Alert> batch) throws IOException {
                    throw new IOException("connection refused");
                }
            };
            Delivery delivery = new Delivery(store, down, dir.resolve("positions"), Duration.ofHours(1), 100);
            store.append(Alerts.alert(1));
            Thread thread = new Thread(delivery);
            thread.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivery.lastError() != null);

            delivery.stop();
            thread.join(5_000);
            assertThat(thread.isAlive()).as("delivery thread still pausing after stop()").isFalse();
            assertThat(store.readAfter(0, 10)).hasSize(1); // the store is intact and the alert kept
        }
    }
}
