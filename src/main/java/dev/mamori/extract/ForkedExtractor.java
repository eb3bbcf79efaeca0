package dev.mamori.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction in supervised worker processes: each worker is a JVM with a bounded heap that runs
 * {@link ExtractionWorker}. A file whose parser overruns the wall-time limit gets its worker
 * killed; one that exhausts the worker's heap ends that worker. Either way the document being read
 * gets the typed cause ({@link Uninspectable#TIMEOUT}, {@link Uninspectable#WORKER_OUT_OF_MEMORY},
 * {@link Uninspectable#WORKER_CRASH}), and a fresh worker takes over. After a crash the same file is
 * read again, skipping the members already judged and the one that killed the worker, so the other
 * members of a container are still judged (at most {@link #MAX_ATTEMPTS} workers per file). After a
 * timeout the file's time is spent: what was finished stands, the rest is uninspectable.
 *
 * <p>Workers start on demand and stop after {@code idleStop} without a file, so an agent at rest
 * holds no parser JVM; the next file starts a fresh one (about a second) and is judged as usual.
 *
 * <p>Thread-safe: each calling thread borrows its own worker from the pool.
 */
public final class ForkedExtractor implements Extractor {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedExtractor.class);
    static final String WORKER_LOGGING = "dev/mamori/logging/worker.xml";
    /** JVM exit code of -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final long STARTUP_SECONDS = 120;
    /** Workers one file may cost: each death costs the member it was reading, the next one goes on after it. */
    static final int MAX_ATTEMPTS = 5;
    /** How long an unused worker stays up when the caller does not say. */
    public static final Duration DEFAULT_IDLE_STOP = Duration.ofSeconds(60);

    private final ExtractionLimits limits;
    private final Duration idleStop;
    /** Workers waiting for a file, most recently used first; guarded by itself. */
    private final Deque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final AtomicLong started = new AtomicLong();
    /** Stops workers left unused for {@link #idleStop}: one timer per return to the pool, no polling. */
    private final ScheduledThreadPoolExecutor reaper = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "mamori-worker-idle-stop");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public ForkedExtractor(ExtractionLimits limits) {
        this(limits, DEFAULT_IDLE_STOP);
    }

    /** @param idleStop how long a worker without a file stays up before it is stopped (positive) */
    public ForkedExtractor(ExtractionLimits limits, Duration idleStop) {
        if (idleStop.isNegative() || idleStop.isZero()) {
            throw new IllegalArgumentException("idle stop must be positive: " + idleStop);
        }
        this.limits = limits;
        this.idleStop = idleStop;
        reaper.setRemoveOnCancelPolicy(true);
    }

    @Override
    public List<ExtractedDocument> extract(Path file, String displayPath) {
        if (closed) {
            throw new IllegalStateException("extractor closed");
        }
        DocumentCollector collected = new DocumentCollector();
        try (ReadablePath readable = ReadablePath.of(file)) {
            for (int attempt = 1; ; attempt++) {
                Failure failure = attempt(readable.path(), displayPath, collected);
                if (failure == null || !judgeRest(collected, displayPath, failure, attempt)) {
                    break;
                }
            }
        } catch (IOException e) {
            collected.done(displayPath, ExtractedDocument.uninspectable(displayPath, Uninspectable.UNREADABLE,
                    "cannot read the file: " + TikaExtractor.brief(e)));
        }
        synchronized (collected) {
            return collected.documents();
        }
    }

    /** Why an attempt stopped before its end. */
    record Failure(Uninspectable cause, String reason) {
    }

    /** One worker's go at the file, skipping what earlier attempts finished; null when it got to the end. */
    private Failure attempt(Path file, String display, DocumentCollector collected) {
        Worker worker;
        synchronized (idle) {
            worker = idle.pollFirst();
        }
        if (worker == null || !worker.alive()) {
            try {
                worker = startWorker();
            } catch (IOException e) {
                return new Failure(Uninspectable.WORKER_CRASH, "could not start an extraction worker: " + TikaExtractor.brief(e));
            }
        }
        try {
            return worker.extract(file, display, collected);
        } finally {
            if (worker.alive()) {
                park(worker);
            }
        }
    }

    /** Back to the pool, with a timer that stops it if no file has borrowed it by then. */
    private void park(Worker worker) {
        long use;
        synchronized (idle) {
            use = ++worker.uses;
            idle.offerFirst(worker);
        }
        if (!closed) {
            try {
                reaper.schedule(() -> stopIfUnused(worker, use), idleStop.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // closed meanwhile: close() stops every worker
            }
        }
    }

    private void stopIfUnused(Worker worker, long use) {
        synchronized (idle) {
            if (worker.uses != use || !idle.remove(worker)) {
                return; // borrowed since: its own return set a new timer
            }
        }
        LOG.debug("extraction worker idle for {} s; stopped", idleStop.toSeconds());
        worker.stop();
    }

    /** Worker processes up now (started and not stopped). */
    int workersRunning() {
        synchronized (all) {
            return (int) all.stream().filter(Worker::alive).count();
        }
    }

    /** Worker processes started so far. */
    long workersStarted() {
        return started.get();
    }

    /** Process ids of the workers up now. */
    List<Long> workerPids() {
        synchronized (all) {
            return all.stream().filter(Worker::alive).map(w -> w.process.pid()).toList();
        }
    }

    /**
     * After a worker died: the document it was reading gets the cause; true when the file is to be
     * read again (by a fresh worker) for the members not reached yet. A timeout ends the file (its
     * time is spent); so does a death on the file itself, or too many deaths.
     */
    private static boolean judgeRest(DocumentCollector collected, String display, Failure failure, int attempt) {
        synchronized (collected) {
            List<String> unfinished = collected.unfinished();
            if (unfinished.isEmpty()) {
                if (collected.isEmpty()) {
                    collected.done(display, ExtractedDocument.uninspectable(display, failure.cause(), failure.reason()));
                }
                return false;
            }
            String culprit = unfinished.get(unfinished.size() - 1);
            collected.done(culprit, ExtractedDocument.uninspectable(collected.path(culprit), failure.cause(),
                    failure.reason()));
            boolean again = failure.cause() != Uninspectable.TIMEOUT && unfinished.size() > 1 && attempt < MAX_ATTEMPTS;
            if (!again) {
                String stopped = failure.reason() + " while reading " + collected.path(culprit)
                        + (attempt >= MAX_ATTEMPTS ? " (worker restarted " + (attempt - 1) + " times)" : "")
                        + "; the members after it were not read";
                for (String k : unfinished.subList(0, unfinished.size() - 1)) {
                    collected.done(k, ExtractedDocument.uninspectable(collected.path(k), failure.cause(), stopped));
                }
            }
            return again;
        }
    }

    private Worker startWorker() throws IOException {
        Worker w = new Worker();
        started.incrementAndGet();
        synchronized (all) {
            all.removeIf(x -> !x.alive());
            all.add(w);
        }
        return w;
    }

    @Override
    public void close() {
        closed = true;
        reaper.shutdownNow();
        synchronized (all) {
            all.forEach(Worker::stop);
            all.clear();
        }
    }

    static String javaExecutable() {
        String exe = System.getProperty("os.name", "").toLowerCase().contains("win") ? "java.exe" : "java";
        return Path.of(System.getProperty("java.home"), "bin", exe).toString();
    }

    /** One worker process and a reader thread for its answers. */
    private final class Worker {
        private final Process process;
        private final DataOutputStream requests;
        private final DataInputStream responses;
        private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mamori-worker-reader");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean alive = true;
        /** Times it was returned to the pool (guarded by {@link #idle}): tells a stale idle timer from a current one. */
        private long uses;

        Worker() throws IOException {
            List<String> cmd = List.of(javaExecutable(), "-Xmx" + limits.workerHeapMb() + "m", "-Xss4m",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    // nothing but parsers run there, and what they log can be the document: no logging at all
                    "-Dlogback.configurationFile=" + WORKER_LOGGING,
                    "-cp", System.getProperty("java.class.path"), ExtractionWorker.class.getName(),
                    String.valueOf(limits.maxBytes()), String.valueOf(limits.maxChars()),
                    String.valueOf(limits.maxDepth()), String.valueOf(limits.maxMembers()));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            responses = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
            try {
                int ready = reader.submit(responses::readInt).get(STARTUP_SECONDS, TimeUnit.SECONDS);
                if (ready != WorkerProtocol.READY) {
                    throw new IOException("worker said " + ready + " instead of ready");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IOException("interrupted while starting a worker", e);
            } catch (ExecutionException | TimeoutException e) {
                stop();
                throw new IOException("worker did not start: " + e.getMessage(), e);
            }
        }

        boolean alive() {
            return alive && process.isAlive();
        }

        /** Null when the worker got to the end of the file; otherwise why it stopped (it is then gone). */
        Failure extract(Path file, String display, DocumentCollector collected) {
            ExtractionListener into = new ExtractionListener() {
                @Override
                public void begin(String key, String path) {
                    synchronized (collected) {
                        collected.begin(key, path);
                    }
                }

                @Override
                public void done(String key, ExtractedDocument doc) {
                    synchronized (collected) {
                        collected.done(key, doc);
                    }
                }
            };
            Set<String> skip;
            synchronized (collected) {
                skip = collected.doneKeys();
            }
            Future<Void> answer = null;
            try {
                WorkerProtocol.writeRequest(requests, file.toAbsolutePath().toString(), display, skip);
                answer = reader.submit(() -> {
                    WorkerProtocol.readResponse(responses, into);
                    return null;
                });
                answer.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException e) {
                LOG.warn("{}: extraction exceeded {} s; worker stopped", display, limits.timeout().toSeconds());
                stop();
                settle(answer);
                return new Failure(Uninspectable.TIMEOUT,
                        "timed out: extraction took longer than " + limits.timeout().toSeconds() + " s (--timeout)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                settle(answer);
                return new Failure(Uninspectable.WORKER_CRASH, "interrupted");
            } catch (IOException | ExecutionException e) {
                Failure f = crashReason();
                settle(answer);
                return f;
            }
        }

        /** Waits for the reader to notice the worker is gone, so that no event arrives after this. */
        private void settle(Future<Void> answer) {
            if (answer == null) {
                return;
            }
            try {
                answer.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // the stream broke, as expected
            }
        }

        private Failure crashReason() {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
            if (process.isAlive()) {
                return new Failure(Uninspectable.WORKER_CRASH, "extraction worker stopped answering");
            }
            int code = process.exitValue();
            return code == OUT_OF_MEMORY_EXIT
                    ? new Failure(Uninspectable.WORKER_OUT_OF_MEMORY,
                            "out of memory: the parser needed more than " + limits.workerHeapMb() + " MB (--worker-heap)")
                    : new Failure(Uninspectable.WORKER_CRASH, "the parser crashed its worker process (exit code " + code + ")");
        }

        void stop() {
            alive = false;
            try {
                requests.close();
            } catch (IOException ignored) {
                // the process is going away anyway
            }
            process.destroyForcibly();
            reader.shutdownNow();
        }
    }

}
