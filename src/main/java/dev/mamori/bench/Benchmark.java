package dev.mamori.bench;

import dev.mamori.detect.DetectionEngine;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.Scanner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures, in one run on one generated corpus:
 * <ol>
 *   <li>detection throughput: MB/s of text through every rule on one thread;</li>
 *   <li>files/s of Tika extraction alone, and of the full scan (extraction + detection + verdict),
 *       both with worker-process isolation: their ratio is what detection adds;</li>
 *   <li>files/s of in-process extraction: the ratio to forked extraction is what isolation costs.</li>
 * </ol>
 * Each measurement runs after a warm-up pass and reports the best of {@code rounds}.
 */
public final class Benchmark {

    private final RuleSet rules;
    private final PrintWriter out;

    public Benchmark(RuleSet rules, PrintWriter out) {
        this.rules = rules;
        this.out = out;
    }

    public void run(int files, int textMb, int threads, int rounds) throws Exception {
        out.printf(Locale.ROOT, "mamori bench: %d files, %d MB of text, %d thread(s), best of %d rounds, Java %s, %d cores%n",
                files, textMb, threads, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        detection(textMb, rounds);
        Path dir = Files.createTempDirectory("mamori-bench");
        try {
            List<Path> corpus = new CorpusGenerator(42).write(dir, files);
            long bytes = 0;
            for (Path p : corpus) {
                bytes += Files.size(p);
            }
            out.printf(Locale.ROOT, "corpus: %d files, %.1f MB on disk (csv, xlsx, docx, txt, eml, pdf, zip)%n", files, bytes / 1e6);
            ExtractionLimits limits = ExtractionLimits.defaults();
            double forkedExtract;
            double forkedScan;
            double inProcessExtract;
            double inProcessScan;
            try (ForkedExtractor forked = new ForkedExtractor(limits)) {
                forkedExtract = best(rounds, () -> extractOnly(forked, corpus, threads));
                forkedScan = best(rounds, () -> scan(forked, dir, threads));
            }
            TikaExtractor tika = new TikaExtractor(limits);
            inProcessExtract = best(rounds, () -> extractOnly(tika, corpus, threads));
            inProcessScan = best(rounds, () -> scan(tika, dir, threads));
            out.printf(Locale.ROOT, "%-44s %8.1f files/s%n", "extraction only, worker processes", files / forkedExtract);
            out.printf(Locale.ROOT, "%-44s %8.1f files/s%n", "full scan, worker processes", files / forkedScan);
            out.printf(Locale.ROOT, "%-44s %8.1f files/s%n", "extraction only, in process", files / inProcessExtract);
            out.printf(Locale.ROOT, "%-44s %8.1f files/s%n", "full scan, in process", files / inProcessScan);
            out.printf(Locale.ROOT, "detection overhead (scan time / extraction time): %.2fx with workers, %.2fx in process%n",
                    forkedScan / forkedExtract, inProcessScan / inProcessExtract);
            out.printf(Locale.ROOT, "isolation cost (worker / in-process extraction time): %.2fx%n",
                    forkedExtract / inProcessExtract);
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
        }
        out.flush();
    }

    private void detection(int textMb, int rounds) throws Exception {
        String text = new CorpusGenerator(7).textOfBytes(textMb * 1_000_000L);
        double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        DetectionEngine engine = rules.engine();
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 100_000) { // documents of ~100k chars, as files are
            chunks.add(text.substring(i, Math.min(text.length(), i + 100_000)));
        }
        int[] findings = {0};
        double seconds = best(rounds, () -> {
            findings[0] = 0;
            for (String c : chunks) {
                findings[0] += engine.detect(c).findings().size();
            }
        });
        out.printf(Locale.ROOT, "detection, 1 thread, %d rules: %.1f MB of text in %.2f s = %.1f MB/s (%d findings)%n",
                rules.detectors().size(), mb, seconds, mb / seconds, findings[0]);
    }

    private static void extractOnly(Extractor extractor, List<Path> corpus, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<ExtractedDocument>>> futures = new ArrayList<>();
            for (Path p : corpus) {
                futures.add(pool.submit(() -> extractor.extract(p, p.toString())));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void scan(Extractor extractor, Path dir, int threads) {
        Scanner scanner = new Scanner(rules, extractor, threads, Clock.systemUTC());
        scanner.scan(List.of(dir), r -> { }, (d, t) -> { }, -1);
        // not closed: the extractor (and its workers) is reused by the next round
    }

    interface Work {
        void run() throws Exception;
    }

    /** Seconds of the fastest of {@code rounds} runs, after one warm-up run. */
    private static double best(int rounds, Work work) throws Exception {
        work.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

}
