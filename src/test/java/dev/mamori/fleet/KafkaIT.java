package dev.mamori.fleet;

import static dev.mamori.fleet.FleetAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.agent.Agent;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Delivery;
import dev.mamori.cli.MainRun;
import dev.mamori.testing.KafkaBrokerExtension;
import dev.mamori.testing.MamoriProcess;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.testing.TestAgents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts of laptops through a real Kafka broker (KRaft, a child JVM) into the collector's store:
 * the broker killed and restarted under a delivering sink, the collector process killed with
 * {@code kill -9} between its commits and started again, a host's sequence broken on the topic.
 * One broker serves every test; each test has its own topic.
 */
class KafkaIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    /** One laptop's side: its own alert store delivered to Kafka by the agent's delivery loop. */
    private final class Laptop implements AutoCloseable {
        final String host;
        final AlertStore store;
        final Delivery delivery;
        final KafkaSink sink;
        final Thread thread;
        int raised;

        Laptop(String host, String topic) throws Exception {
            this.host = host;
            this.store = new AlertStore(Files.createDirectories(dir.resolve(host).resolve("alerts")));
            this.sink = new KafkaSink(KafkaOptions.plaintext(KAFKA.broker().bootstrap(), topic, Duration.ofSeconds(5)), "mamori-" + host,
                    store::alertBefore);
            this.delivery = new Delivery(store, sink, dir.resolve(host).resolve("positions"), Duration.ofMillis(500), 10_000);
            this.thread = new Thread(delivery, "deliver-" + host);
            thread.start();
        }

        void raise(int n, String pack) throws Exception {
            for (int i = 0; i < n; i++) {
                store.append(alert(host, ++raised, pack));
            }
        }

        @Override
        public void close() throws Exception {
            delivery.stop(); // as the agent stops it: no interrupt in the middle of a transaction
            thread.join(30_000);
            sink.close();
            store.close();
        }
    }

    static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(20); // the other side is another process or a broker: no event to await here
        }
    }

    /** Alerts (and health alerts) committed in the store at {@code store}, oldest first; empty before its first commit. */
    static List<Alert> stored(Path store, String query) {
        try {
            List<Alert> found = new ArrayList<>(AlertStore.searchReadOnly(store, query, 100_000));
            Collections.reverse(found);
            return found;
        } catch (org.apache.lucene.index.IndexNotFoundException | java.nio.file.NoSuchFileException notYet) {
            return List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::id).toList();
    }

    static List<String> expectedIds(String host, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> host + "-" + i).toList();
    }

    @Test
    void brokerKilledMidwayTheAlertsWaitInTheSpoolAndArriveInOrderAfterItsRestart() throws Exception {
        KAFKA.broker().createTopic("spool", 3);
        String head;
        try (Laptop pc01 = new Laptop("pc-01", "spool")) {
            pc01.raise(20, "jp-pii 3");
            await("the first 20 are acknowledged", Duration.ofSeconds(60), () -> pc01.delivery.position() == 20);
            // a triage decision on the laptop takes number 21 in its store; it is never sent, and is no gap
            pc01.store.triage(new dev.mamori.alert.Triage("pc-01-20", dev.mamori.alert.TriageAction.ACK, "checked", "auditor", Instant.now()));

            KAFKA.broker().kill();
            pc01.raise(20, "jp-pii 3");
            await("the sink reports the broker down", Duration.ofSeconds(60), () -> pc01.delivery.lastError() != null);
            assertThat(pc01.delivery.position()).isEqualTo(20);
            assertThat(pc01.delivery.backlog()).as("the store numbers the triage decision too").isEqualTo(21);

            KAFKA.broker().start();
            await("the spooled 20 are acknowledged", Duration.ofSeconds(90), () -> pc01.delivery.position() == 41);
            assertThat(pc01.delivery.lastError()).isNull();
            // the store's chain head follows the alerts on the same topic and key
            await("the chain head is sent", Duration.ofSeconds(60), () -> pc01.store.head().equals(pc01.delivery.chainHeadSent()));
            head = pc01.store.head();
        }

        Path central = dir.resolve("central");
        try (AlertStore store = new AlertStore(central);
             Collector collector = new Collector(KafkaOptions.plaintext(KAFKA.broker().bootstrap(), "spool", Duration.ofSeconds(5)),
                     "collect-spool", "collector-spool", 500, store, Clock.systemUTC())) {
            collector.subscribe();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!collector.ledger().hosts().containsKey("pc-01") || collector.ledger().hosts().get("pc-01").lastSeq() < 41
                    || !head.equals(collector.ledger().hosts().get("pc-01").chainHead())) {
                assertThat(System.nanoTime()).as("collector caught up within 60 s").isLessThan(deadline);
                collector.pollOnce(Duration.ofMillis(500));
            }
        }
        assertThat(ids(stored(central, "host:pc-01"))).as("every alert once, in the laptop's order, no finding")
                .isEqualTo(expectedIds("pc-01", 40));

        // the auditor's check with the head the collector kept: the laptop's newest alerts cut
        // through Lucene, which the laptop's own chain cannot show, are caught by 'verify --head'
        Path laptopStore = dir.resolve("pc-01").resolve("alerts");
        try (var d = org.apache.lucene.store.FSDirectory.open(laptopStore);
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.deleteDocuments(org.apache.lucene.document.LongPoint.newRangeQuery("seq", 40, 41));
            w.commit();
        }
        assertThat(AlertStore.verify(laptopStore, null).ok()).as("without the kept head a cut tail looks whole").isTrue();
        Path log = dir.resolve("verify.log");
        Process verify = MamoriProcess.start(log, "verify", "--store", laptopStore.toString(), "--head", head);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as("BROKEN; output: %s", Files.readString(log)).isEqualTo(1);
        assertThat(Files.readString(log)).contains("removed from the end");
    }

    @Test
    void collectorKilledBetweenCommitsAndRestartedStoresEveryAlertOfEveryHostExactlyOnceInOrder() throws Exception {
        KAFKA.broker().createTopic("fleet", 3);
        try (Laptop pc01 = new Laptop("pc-01", "fleet"); Laptop pc02 = new Laptop("pc-02", "fleet")) {
            pc01.raise(60, "jp-pii 3");
            pc02.raise(60, "jp-pii 2");
            await("both laptops delivered", Duration.ofSeconds(60),
                    () -> pc01.delivery.position() == 60 && pc02.delivery.position() == 60);
        }
        Path central = dir.resolve("central");
        String[] collect = {"collect", "--bootstrap", KAFKA.broker().bootstrap(), "--topic", "fleet", "--group", "collect-fleet",
                "--store", central.toString(), "--instance", "collector-1", "--max-poll-records", "2"};

        Process first = MamoriProcess.start(dir.resolve("collect-1.log"), collect);
        await("the collector committed some alerts", Duration.ofSeconds(60), () -> !stored(central, "*:*").isEmpty());
        first.destroyForcibly(); // kill -9, mid-stream
        first.waitFor(10, TimeUnit.SECONDS);
        int killedAt = stored(central, "*:*").size();
        assertThat(killedAt).as("killed part-way").isBetween(1, 119);

        Process second = MamoriProcess.start(dir.resolve("collect-2.log"), collect);
        try {
            long topicEnd = endOffsets("fleet");
            await("the restarted collector consumed the whole topic", Duration.ofSeconds(60), () -> committedOffsets(central) == topicEnd);
        } finally {
            second.destroy(); // SIGTERM: the collector stops after its batch in hand
            second.waitFor(20, TimeUnit.SECONDS);
        }

        List<Alert> all = stored(central, "*:*");
        assertThat(all).hasSize(120);
        assertThat(ids(stored(central, "host:pc-01"))).isEqualTo(expectedIds("pc-01", 60));
        assertThat(ids(stored(central, "host:pc-02"))).isEqualTo(expectedIds("pc-02", 60));

        String search = MainRun.out("alerts", "search", "--store", central.toString(), "--format", "jsonl", "--limit", "1000",
                "host:pc-01");
        assertThat(search.lines()).hasSize(60).allSatisfy(l -> assertThat(l).contains("\"name\":\"pc-01\""));
        assertThat(MainRun.out("verify", "--store", central.toString())).startsWith("OK: 120 record(s)");

        HostLedger ledger = HostLedger.fromJson(AlertStore.commitData(central).get(Collector.HOSTS));
        assertThat(ledger.hosts().get("pc-01").packs()).containsExactly("jp-pii 3");
        assertThat(ledger.hosts().get("pc-02").packs()).containsExactly("jp-pii 2");
        assertThat(ledger.hosts().get("pc-02").lastSeq()).isEqualTo(60);
        assertThat(MainRun.out("report", "--fleet", "--store", central.toString()))
                .as("the test alerts are days old; pc-02 runs jp-pii 2 where pc-01 runs 3")
                .containsPattern("pc-02 +- +60 +0 .*jp-pii 2  OLD: jp-pii 2  SILENT")
                .contains("2 host(s), 2 silent, 1 on old packs");
        System.out.println("KafkaIT: collector killed after " + killedAt + " of 120 alerts were committed");
    }

    @Test
    void aGapAndAReorderInAHostsSequenceBecomeHealthAlertsForThatHostAndARepeatIsDropped() throws Exception {
        KAFKA.broker().createTopic("broken", 1);
        try (KafkaSink sink = new KafkaSink(KafkaOptions.plaintext(KAFKA.broker().bootstrap(), "broken", Duration.ofSeconds(5)), "t")) {
            sink.deliver(List.of(alert("pc-03", 1, "jp-pii 3"), alert("pc-03", 2, "jp-pii 3"), alert("pc-03", 5, "jp-pii 3"),
                    alert("pc-03", 3, "jp-pii 3"), alert("pc-03", 2, "jp-pii 3")));
        }
        Path central = dir.resolve("central");
        try (AlertStore store = new AlertStore(central);
             Collector collector = new Collector(KafkaOptions.plaintext(KAFKA.broker().bootstrap(), "broken", Duration.ofSeconds(5)),
                     "collect-broken", "collector-broken", 2, store, Clock.systemUTC())) {
            collector.subscribe();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (committedOffsets(central) < 5) {
                assertThat(System.nanoTime()).as("collector caught up within 60 s").isLessThan(deadline);
                collector.pollOnce(Duration.ofMillis(500));
            }
        }
        assertThat(ids(stored(central, "host:pc-03 AND action:alert"))).containsExactly("pc-03-1", "pc-03-2", "pc-03-5", "pc-03-3");
        assertThat(stored(central, "host:pc-03 AND action:health")).extracting(a -> a.samples().get(0)).containsExactly(
                "alert sequence gap: 2 alert(s) after 2 never arrived (next seen: 5)",
                "alert 3 arrived out of order, after 5");
    }

    @Test
    void twoRealAgentsWithTheKafkaSinkFillTheCollectorsStoreThatTheAuditorCommandsRead() throws Exception {
        KAFKA.broker().createTopic("agents", 3);
        RealisticCorpus corpus = RealisticCorpus.writeTo(dir.resolve("corpus"));
        List<Agent> agents = new ArrayList<>();
        Path central = dir.resolve("central");
        try (AlertStore store = new AlertStore(central);
             Collector collector = new Collector(KafkaOptions.plaintext(KAFKA.broker().bootstrap(), "agents", Duration.ofSeconds(5)),
                     "collect-agents", "collector-agents", 500, store, Clock.systemUTC())) {
            for (String host : List.of("pc-11", "pc-12")) {
                Path root = dir.resolve(host);
                Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
                Files.copy(corpus.root().resolve("入社手続き_マイナンバー提出.txt"), usb.resolve("mynumber.txt"));
                Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), usb.resolve("list.csv"));
                Path config = root.resolve("mamori.yaml");
                Files.writeString(config, """
                        data-dir: %s
                        watch: {cloud-sync: false}
                        scan: {isolation: in_process}
                        alerts:
                          jsonl: ''
                          retry-seconds: 1
                          kafka: {bootstrap: '%s', topic: agents, timeout-ms: 5000}
                        """.formatted(root.resolve("data"), KAFKA.broker().bootstrap()));
                agents.add(TestAgents.started(root, config, host));
            }
            collector.subscribe();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (collector.ledger().hosts().values().stream().filter(h -> h.alerts() >= 2).count() < 2) {
                assertThat(System.nanoTime()).as("both agents' alerts collected within 90 s").isLessThan(deadline);
                collector.pollOnce(Duration.ofMillis(500));
            }
        } finally {
            for (Agent a : agents) {
                a.close();
            }
        }
        String pc11 = MainRun.out("alerts", "search", "--store", central.toString(), "host:pc-11");
        assertThat(pc11).contains("mynumber.txt", "list.csv", "2 alert(s)").doesNotContain("pc-12");
        String all = MainRun.out("alerts", "search", "--store", central.toString(), "--format", "jsonl", "*:*");
        assertThat(all.lines()).hasSize(4);
        for (String planted : corpus.planted()) {
            assertThat(all).as("no raw personal data in the collector's store").doesNotContain(planted);
        }
    }

    /** The sum of the next offsets the collector's store committed. */
    static long committedOffsets(Path store) {
        try {
            return AlertStore.commitData(store).entrySet().stream().filter(e -> e.getKey().startsWith(Collector.OFFSET))
                    .mapToLong(e -> Long.parseLong(e.getValue())).sum();
        } catch (org.apache.lucene.index.IndexNotFoundException | java.nio.file.NoSuchFileException notYet) {
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void twoCollectorsInOneGroupShareThePartitionsAndEachHostsAlertsLandOnceInOrderInOneStore() throws Exception {
        KAFKA.broker().createTopic("shared", 4);
        KafkaOptions options = KafkaOptions.plaintext(KAFKA.broker().bootstrap(), "shared", Duration.ofSeconds(5));
        Path a = dir.resolve("central-a");
        Path b = dir.resolve("central-b");
        List<String> hosts = IntStream.rangeClosed(1, 8).mapToObj(i -> "pc-1" + i).toList();
        try (AlertStore storeA = new AlertStore(a); AlertStore storeB = new AlertStore(b);
             Collector collectorA = new Collector(options, "collect-shared", "collector-a", 7, storeA, Clock.systemUTC());
             Collector collectorB = new Collector(options, "collect-shared", "collector-b", 7, storeB, Clock.systemUTC())) {
            collectorA.subscribe();
            collectorB.subscribe();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (collectorA.assignedPartitions() == 0 || collectorB.assignedPartitions() == 0
                    || collectorA.assignedPartitions() + collectorB.assignedPartitions() != 4) {
                assertThat(System.nanoTime()).as("the group shared the partitions within 60 s").isLessThan(deadline);
                collectorA.pollOnce(Duration.ofMillis(200));
                collectorB.pollOnce(Duration.ofMillis(200));
            }
            List<Laptop> laptops = new ArrayList<>();
            try {
                for (String host : hosts) {
                    Laptop l = new Laptop(host, "shared");
                    laptops.add(l);
                    l.raise(15, "jp-pii 3");
                }
                await("every laptop delivered", Duration.ofSeconds(90), () -> laptops.stream().allMatch(l -> l.delivery.position() == 15));
            } finally {
                for (Laptop l : laptops) {
                    l.close();
                }
            }
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (storeA.lastAlertSeq() + storeB.lastAlertSeq() < 8 * 15) {
                assertThat(System.nanoTime()).as("both collectors caught up within 60 s").isLessThan(deadline);
                collectorA.pollOnce(Duration.ofMillis(200));
                collectorB.pollOnce(Duration.ofMillis(200));
            }
        }
        assertThat(stored(a, "*:*")).as("collector A took part").isNotEmpty();
        assertThat(stored(b, "*:*")).as("collector B took part").isNotEmpty();
        for (String host : hosts) {
            List<String> inA = ids(stored(a, "host:" + host));
            List<String> inB = ids(stored(b, "host:" + host));
            assertThat(inA.isEmpty() || inB.isEmpty()).as(host + " in one store only").isTrue();
            assertThat(inA.isEmpty() ? inB : inA).as(host + ": every alert once, in order").isEqualTo(expectedIds(host, 15));
        }
        assertThat(MainRun.out("verify", "--store", a.toString())).startsWith("OK: ");
        assertThat(MainRun.out("verify", "--store", b.toString())).startsWith("OK: ");
    }

    @Test
    void theFleetBenchmarkRunsThroughTheBroker() {
        String out = MainRun.out("bench", "--fleet", "--bootstrap", KAFKA.broker().bootstrap(), "--fleet-hosts", "20",
                "--fleet-alerts", "3000");
        assertThat(out).contains("agent side: 3,000 alerts of 20 hosts", "collector: 3,000 alerts ingested",
                "bytes per alert", "alerts search 'host:pc-0007'");
        // the month's days in the report's zone (Tokyo): the alerts of its first hours in UTC fall outside
        var month = java.util.regex.Pattern.compile("report of a month, (\\d+) alerts").matcher(out);
        assertThat(month.find()).as(out).isTrue();
        assertThat(Integer.parseInt(month.group(1))).isBetween(2_800, 3_000);
    }

    static long endOffsets(String topic) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.broker().bootstrap(),
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()))) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
