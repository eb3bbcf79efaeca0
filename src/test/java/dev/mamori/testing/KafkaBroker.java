package dev.mamori.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (broker and controller in one process), started from the test
 * class path as a child JVM the way {@code kafka-storage.sh format} and {@code kafka-server-start.sh}
 * do, on free ports of 127.0.0.1. {@link #kill} is {@code kill -9}; {@link #start} again reuses
 * the same ports and log directory, so the data survives. The caller closes it.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path properties;
    private Process process;
    private int starts;

    public KafkaBroker(Path dir) throws Exception {
        this.dir = dir;
        this.port = freePort();
        int controllerPort = freePort();
        this.properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                properties.toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static ProcessBuilder java(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker and returns once it answers an admin client. */
    public void start() throws Exception {
        Path log = dir.resolve("broker-" + (++starts) + ".log");
        process = java("kafka.Kafka", properties.toString()).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("kafka exited " + process.exitValue() + ": " + tail(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("kafka did not start in 90 s: " + tail(log));
                    }
                    Thread.sleep(200); // the broker offers no event to wait for before it listens
                }
            }
        }
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap(), "request.timeout.ms", 5_000,
                "default.api.timeout.ms", 10_000));
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 3_000));
    }

    /** {@code kill -9}: no controlled shutdown. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
