package dev.mamori.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a real agent JVM with the service units' options ({@code -Xmx256m}, exit on out-of-memory,
 * serial GC) judges one large customer list: time to its alert, the records counted against the rows
 * written, the agent's heap after each collection (from its GC log) and resident memory. A list a
 * tenth the size, judged first by the same agent, is the baseline the time per MB is compared with.
 */
public final class LargeListBenchmark {

    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-Xms16m", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC");
    private static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final PrintWriter out;

    public LargeListBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** What judging one list cost. */
    record Judged(long rows, long bytes, int records, double seconds, long peakRss) {
    }

    public void run(Path dir, int megabytes) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Path data = dir.resolve("data");
        Path config = dir.resolve("mamori.yaml");
        Files.writeString(config, "data-dir: '" + data + "'\nwatch: {paths: ['" + watched
                + "'], removable-media: false, cloud-sync: false}\n");
        Path gcLog = dir.resolve("gc.log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(SERVICE_JVM_OPTIONS);
        cmd.add("-Xlog:gc:file=" + gcLog);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mamori.cli.Main", "agent", "--config",
                config.toString()));
        Process agent = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            CorpusGenerator gen = new CorpusGenerator(5);
            Judged warm = judge(agent, gen, dir, watched, data, "warm-up.csv", 1);
            Judged base = judge(agent, gen, dir, watched, data, "baseline.csv", Math.max(1, megabytes / 10));
            Judged large = judge(agent, gen, dir, watched, data, "large.csv", megabytes);
            int[] heap = heapAfterGc(gcLog);
            out.printf(Locale.ROOT, "large list in an agent JVM with %s (the service units' options):%n",
                    String.join(" ", SERVICE_JVM_OPTIONS));
            for (Judged j : List.of(base, large)) {
                out.printf(Locale.ROOT, "  %4d MB list, %,9d rows: %,9d records counted, alert after %6.1f s (%.1f MB/s), "
                                + "peak resident memory agent + worker %d MB%n", j.bytes() / 1_000_000, j.rows(), j.records(),
                        j.seconds(), j.bytes() / 1e6 / j.seconds(), j.peakRss() / 1_000_000);
            }
            out.printf(Locale.ROOT, "  time per MB, %d MB list / %d MB baseline: %.2fx (1.00x = linear: memory does not grow with the file)%n",
                    large.bytes() / 1_000_000, base.bytes() / 1_000_000,
                    (large.seconds() / large.bytes()) / (base.seconds() / base.bytes()));
            out.printf(Locale.ROOT, "  agent heap: live data at most %d MB of %d MB after full collections (%d full of %d); "
                    + "agent still up: %s%n", heap[0], heap[1], heap[2], heap[3], agent.isAlive() ? "yes" : "NO");
            if (warm.records() <= 0) {
                out.println("  warning: the warm-up list had no records");
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private Judged judge(Process agent, CorpusGenerator gen, Path dir, Path watched, Path data, String name, int megabytes)
            throws Exception {
        Path staged = dir.resolve(name);
        long rows = gen.customerList(staged, megabytes * 1_000_000L);
        long bytes = Files.size(staged);
        long start = System.nanoTime();
        Files.move(staged, watched.resolve(name));
        Path jsonl = data.resolve("alerts.jsonl");
        long deadline = start + Duration.ofMinutes(10).toNanos();
        long peak = 0;
        while (System.nanoTime() < deadline) {
            if (!agent.isAlive()) {
                throw new IOException("the agent stopped (exit " + agent.exitValue() + ") while judging " + name
                        + "; see " + dir.resolve("agent.log"));
            }
            peak = Math.max(peak, treeRss(agent.toHandle()));
            JsonNode alert = alertFor(jsonl, name);
            if (alert != null) {
                return new Judged(rows, bytes, alert.path("mamori").path("records").asInt(),
                        (System.nanoTime() - start) / 1e9, peak);
            }
            Thread.sleep(100);
        }
        throw new IOException("no alert for " + name + " within 10 minutes");
    }

    private static JsonNode alertFor(Path jsonl, String name) throws IOException {
        if (!Files.exists(jsonl)) {
            return null;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            JsonNode a = json.readTree(line);
            if (a.path("file").path("name").asText().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /**
     * From a -Xlog:gc file: the largest heap left after a full collection (what is really live; after
     * a young one, old garbage still counts), the heap's size, and the numbers of full and all collections.
     */
    static int[] heapAfterGc(Path gcLog) throws IOException {
        int live = 0;
        int size = 0;
        int full = 0;
        int all = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                size = Math.max(size, Integer.parseInt(m.group(3)));
                all++;
                if (line.contains("Pause Full")) {
                    live = Math.max(live, Integer.parseInt(m.group(2)));
                    full++;
                }
            }
        }
        return new int[] {live, size, full, all};
    }

    private static long treeRss(ProcessHandle root) {
        long total = AgentBenchmark.rssOf(root.pid());
        for (ProcessHandle child : root.descendants().toList()) {
            total += AgentBenchmark.rssOf(child.pid());
        }
        return total;
    }
}
