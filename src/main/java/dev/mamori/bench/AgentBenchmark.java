package dev.mamori.bench;

import dev.mamori.agent.Agent;
import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.AgentConfigLoader;
import dev.mamori.platform.ExitPoints;
import dev.mamori.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The agent's figures, in one run on temporary folders: alert latency (file closed → alert in the
 * JSON Lines sink) for 1 KB to 1 MB files, idle CPU, resident memory idle and while scanning (the
 * agent and its parsing workers), and the time to re-check an unchanged 10,000-file tree after a
 * restart against a bare walk of the same tree.
 */
public final class AgentBenchmark {

    private final RuleSet rules;
    private final PrintWriter out;

    public AgentBenchmark(RuleSet rules, PrintWriter out) {
        this.rules = rules;
        this.out = out;
    }

    /** @param largeMb size of the customer list judged by a separate 256 MB agent JVM (0: not run) */
    public void run(int perSize, int idleSeconds, int treeFiles, int largeMb) throws Exception {
        Path root = Files.createTempDirectory("mamori-agent-bench");
        try {
            out.printf(Locale.ROOT, "mamori agent benchmark: Java %s, %d cores; default config (process isolation, 1 worker, debounce 300 ms)%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            if (perSize > 0) {
                latencyAndMemory(root.resolve("latency"), perSize, idleSeconds);
            }
            recheck(root.resolve("recheck"), treeFiles);
            if (largeMb > 0) {
                new LargeListBenchmark(out).run(Files.createDirectories(root.resolve("large")), largeMb);
            }
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(root.toFile());
        }
        out.flush();
    }

    private Agent agent(Path dir, String extra) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Path config = dir.resolve("mamori.yaml");
        Files.writeString(config, "data-dir: '" + dir.resolve("data") + "'\nwatch: {paths: ['" + watched
                + "'], removable-media: false, cloud-sync: false}\n" + extra);
        AgentConfig c = new AgentConfigLoader(dir).load(config);
        Agent agent = new Agent(c, rules, new Agent.Environment(new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, dir, List.of()), Clock.systemUTC(),
                "bench", "bench", "bench"));
        agent.start();
        return agent;
    }

    private void latencyAndMemory(Path dir, int perSize, int idleSeconds) throws Exception {
        CorpusGenerator gen = new CorpusGenerator(3);
        try (Agent agent = agent(dir, "")) {
            Path watched = dir.resolve("watched");
            Path jsonl = dir.resolve("data/alerts.jsonl");
            // warm-up: start the parsing worker and JIT with a few files
            for (int i = 0; i < 3; i++) {
                awaitAlert(jsonl, write(watched.resolve("warm-" + i + ".csv"), gen, 10_000), i + 1);
            }
            long rssIdleBefore = rss();
            int alerts = 3;
            long peakRss = 0;
            for (int size : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < perSize; i++) {
                    long closed = System.nanoTime();
                    Path f = write(watched.resolve("f-" + size + "-" + i + ".csv"), gen, size);
                    alerts++;
                    awaitAlert(jsonl, f, alerts);
                    millis.add((System.nanoTime() - closed) / 1_000_000);
                    peakRss = Math.max(peakRss, rss());
                }
                Collections.sort(millis);
                out.printf(Locale.ROOT, "alert latency %7s files: p50 %4d ms  p95 %4d ms  (n=%d)%n", human(size),
                        millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.size());
            }
            Thread.sleep(2_000);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime() + childrenCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            double idleCpu = (os.getProcessCpuTime() + childrenCpuNanos() - cpuBefore) / (double) (System.nanoTime() - start);
            out.printf(Locale.ROOT, "idle CPU over %d s: %.2f%% of one core (agent and workers)%n", idleSeconds, idleCpu * 100);
            out.printf(Locale.ROOT, "resident memory (agent JVM + parsing workers): idle %d MB (after warm-up %d MB), peak while scanning %d MB%n",
                    rss() / 1_000_000, rssIdleBefore / 1_000_000, peakRss / 1_000_000);
        }
    }

    private void recheck(Path dir, int files) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        for (int i = 0; i < files; i++) {
            Path sub = Files.createDirectories(watched.resolve("d" + (i / 500)));
            Files.writeString(sub.resolve("memo-" + i + ".txt"), "議事録 " + i + " 次回の会議は来週です。\n", StandardCharsets.UTF_8);
        }
        String fast = "scan: {isolation: in_process, workers: 2}\n";
        try (Agent agent = agent(dir, fast)) {
            agent.awaitChecked(files, Duration.ofMinutes(10));
        }
        long walkNanos = Long.MAX_VALUE;
        for (int r = 0; r < 3; r++) {
            long start = System.nanoTime();
            int[] n = {0};
            try (Stream<Path> s = Files.walk(watched)) {
                s.forEach(p -> {
                    try {
                        if (Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                            n[0]++;
                        }
                    } catch (IOException ignored) {
                        // a vanished file is simply not counted
                    }
                });
            }
            walkNanos = Math.min(walkNanos, System.nanoTime() - start);
        }
        long start = System.nanoTime();
        try (Agent agent = agent(dir, fast)) {
            while (agent.status().checked() < files) {
                Thread.sleep(5);
            }
            long recheckNanos = System.nanoTime() - start;
            out.printf(Locale.ROOT, "re-check of an unchanged %d-file tree after a restart: %.2f s; bare walk (stat of every file): %.2f s; ratio %.2fx (re-extracted: %d)%n",
                    files, recheckNanos / 1e9, walkNanos / 1e9, recheckNanos / (double) walkNanos,
                    agent.status().extractedCount());
        }
    }

    private static Path write(Path file, CorpusGenerator gen, int bytes) throws IOException {
        Files.writeString(file, "氏名,電話番号,生年月日,住所,メールアドレス\n" + gen.textOfBytes(bytes), StandardCharsets.UTF_8);
        return file;
    }

    private static void awaitAlert(Path jsonl, Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String name = file.getFileName().toString();
        while (System.nanoTime() < deadline) {
            if (Files.exists(jsonl)) {
                String content = Files.readString(jsonl, StandardCharsets.UTF_8);
                if (content.contains(name)) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new IOException("no alert for " + file + " within 60 s");
    }

    private static String human(int bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes / 1_000 + " KB";
    }

    /** Resident memory of this JVM and its worker processes (Linux /proc; 0 elsewhere). */
    static long rss() {
        long total = rssOf(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += rssOf(child.pid());
        }
        return total;
    }

    static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    private static long childrenCpuNanos() {
        long total = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
        return total;
    }
}
