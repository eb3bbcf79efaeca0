package dev.mamori.scan;

import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.Uninspectable;
import dev.mamori.rules.RuleSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Scans files and folders with a fixed number of threads. Results reach the sink on the calling
 * thread, in the order the files were found, so output is deterministic whatever the thread count;
 * at most a few files per thread are in flight at once.
 */
public final class Scanner implements AutoCloseable {

    /** Told after each file (all its documents) is done. */
    public interface Progress {
        void fileDone(int done, long total);
    }

    private final DocumentAnalyzer analyzer;
    private final Extractor extractor;
    private final FileWalker walker;
    private final ExecutorService pool;
    private final int threads;
    private final Clock clock;

    public Scanner(RuleSet rules, Extractor extractor, int threads, Clock clock) {
        this.analyzer = new DocumentAnalyzer(rules);
        this.extractor = extractor;
        this.walker = new FileWalker(rules.pathGlobs());
        this.threads = Math.max(1, threads);
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "mamori-scan");
            t.setDaemon(true);
            return t;
        });
    }

    /** Counts the files a scan of {@code roots} would read (for a progress bar). */
    public long count(List<Path> roots) {
        long[] n = {0};
        walker.walk(roots, e -> n[0]++);
        return n[0];
    }

    public ScanSummary scan(List<Path> roots, Consumer<DocumentResult> sink, Progress progress, long total) {
        Instant start = clock.instant();
        ScanSummary summary = new ScanSummary();
        ArrayDeque<Future<List<DocumentResult>>> inFlight = new ArrayDeque<>();
        int window = threads * 4;
        int[] done = {0};
        Consumer<Future<List<DocumentResult>>> drain = f -> {
            for (DocumentResult r : await(f)) {
                summary.add(r);
                sink.accept(r);
            }
            summary.fileDone();
            progress.fileDone(++done[0], total);
        };
        walker.walk(roots, entry -> {
            inFlight.add(pool.submit(() -> scanEntry(entry)));
            while (inFlight.size() >= window) {
                drain.accept(inFlight.poll());
            }
        });
        while (!inFlight.isEmpty()) {
            drain.accept(inFlight.poll());
        }
        summary.finish(Duration.between(start, clock.instant()));
        return summary;
    }

    private List<DocumentResult> scanEntry(FileWalker.Entry entry) {
        if (entry.problem() != null) {
            return List.of(failed(entry.display(), entry.problem()));
        }
        if (entry.skipped() != null) {
            return List.of(analyzer.analyze(ExtractedDocument.failed(entry.display(), ExtractionStatus.SKIPPED,
                    entry.skipped())));
        }
        return analyzer.judgeAll(extractor.extract(entry.file(), entry.display()));
    }

    private DocumentResult failed(String path, String reason) {
        return analyzer.analyze(ExtractedDocument.uninspectable(path, Uninspectable.UNREADABLE, reason));
    }

    private static List<DocumentResult> await(Future<List<DocumentResult>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan task failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        extractor.close();
    }
}
