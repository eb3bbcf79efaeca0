package dev.mamori.bench;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.JsonlSink;
import dev.mamori.fleet.Collector;
import dev.mamori.fleet.KafkaOptions;
import dev.mamori.fleet.KafkaSink;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The fleet at scale, through a real Kafka broker: alerts of many simulated hosts produced by the
 * agent's own Kafka sink (its cost per alert beside the JSON Lines sink's, measured in the same
 * run), ingested by {@code mamori collect}'s collector into an alert store (alerts per second, bytes
 * per alert in Kafka and in the store), then the auditor's side on that store: search latency and
 * a month's report.
 */
public final class FleetBenchmark {

    /** Alerts per sink delivery, as the agent's delivery loop batches them. */
    static final int BATCH = 500;

    private final PrintWriter out;

    public FleetBenchmark(PrintWriter out) {
        this.out = out;
    }

    public void run(String bootstrap, int hosts, int alerts) throws Exception {
        Path dir = Files.createTempDirectory("mamori-fleet-bench");
        String topic = "mamori-bench-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaOptions kafka = KafkaOptions.plaintext(bootstrap, topic, Duration.ofSeconds(30));
        try {
            long[] seq = new long[hosts];
            Random r = new Random(7);
            long kafkaNanos = 0;
            long jsonlNanos = 0;
            long bytes = 0;
            try (KafkaSink sink = new KafkaSink(kafka, "bench"); JsonlSink jsonl = new JsonlSink(dir.resolve("alerts.jsonl"))) {
                for (int sent = 0; sent < alerts; sent += BATCH) {
                    List<Alert> batch = new ArrayList<>(BATCH);
                    for (int i = sent; i < Math.min(alerts, sent + BATCH); i++) {
                        int h = r.nextInt(hosts);
                        Alert a = AlertBenchmark.synthetic(r, i, String.format(Locale.ROOT, "pc-%04d", h)).withSeq(++seq[h]);
                        bytes += AlertJson.line(a).getBytes(StandardCharsets.UTF_8).length;
                        batch.add(a);
                    }
                    long t = System.nanoTime();
                    sink.deliver(batch);
                    kafkaNanos += System.nanoTime() - t;
                    t = System.nanoTime();
                    jsonl.deliver(batch);
                    jsonlNanos += System.nanoTime() - t;
                }
            }
            out.printf(Locale.ROOT, "agent side: %,d alerts of %,d hosts produced to Kafka in %.1f s (%,.0f alerts/s); "
                            + "Kafka sink %.1f µs per alert, JSON Lines sink %.1f µs (%.1f×), %.0f bytes per alert%n",
                    alerts, hosts, kafkaNanos / 1e9, alerts / (kafkaNanos / 1e9), kafkaNanos / 1e3 / alerts,
                    jsonlNanos / 1e3 / alerts, (double) kafkaNanos / Math.max(1, jsonlNanos), (double) bytes / alerts);

            Path store = dir.resolve("store");
            long t0 = System.nanoTime();
            try (AlertStore collected = new AlertStore(store);
                 Collector collector = new Collector(kafka, "mamori-bench", "bench-1", 5_000, collected, Clock.systemUTC())) {
                Thread consuming = new Thread(() -> {
                    try {
                        collector.run();
                    } catch (Exception e) {
                        out.println("collector failed: " + e);
                    }
                }, "bench-collect");
                consuming.start();
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (collected.lastAlertSeq() < alerts && consuming.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                long stored = collected.lastAlertSeq();
                double seconds = (System.nanoTime() - t0) / 1e9;
                collector.stop();
                consuming.join(30_000);
                out.printf(Locale.ROOT, "collector: %,d alerts ingested in %.1f s (%,.0f alerts/s), %s%n", stored, seconds,
                        stored / seconds, collector.counts());
            }
            out.printf(Locale.ROOT, "collector store: %.1f MB, %.0f bytes per alert%n", size(store) / 1e6, (double) size(store) / alerts);
            AlertBenchmark.searchAndReport(store, out, "pc-0007");
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
        }
        out.flush();
    }

    private static long size(Path dir) {
        return org.apache.commons.io.FileUtils.sizeOfDirectory(dir.toFile());
    }
}
