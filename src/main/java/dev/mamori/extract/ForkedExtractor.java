package dev.mamori.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction in supervised worker processes: each worker is a JVM with a bounded heap that runs
 * {@link ExtractionWorker}. A file whose parser overruns the wall-time limit gets its worker
 * killed; one that exhausts the worker's heap ends that worker. Either way the file gets status
 * {@code error} with the reason, a fresh worker takes over, and the scan goes on.
 *
 * <p>Thread-safe: each calling thread borrows its own worker from the pool.
 */
public final class ForkedExtractor implements Extractor {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedExtractor.class);
    static final String WORKER_LOGGING = "dev/mamori/logging/worker.xml";
    /** JVM exit code of -XX:+ExitOnOutOfMemoryError. */
    private static final int OUT_OF_MEMORY_EXIT = 3;
    private static final long STARTUP_SECONDS = 120;

    private final ExtractionLimits limits;
    private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private volatile boolean closed;

    public ForkedExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<ExtractedDocument> extract(Path file, String displayPath) {
        if (closed) {
            throw new IllegalStateException("extractor closed");
        }
        Worker worker = idle.pollFirst();
        if (worker == null || !worker.alive()) {
            try {
                worker = startWorker();
            } catch (IOException e) {
                return List.of(ExtractedDocument.failed(displayPath, ExtractionStatus.ERROR,
                        "could not start an extraction worker: " + TikaExtractor.brief(e)));
            }
        }
        try {
            return worker.extract(file, displayPath);
        } finally {
            if (worker.alive()) {
                idle.offerFirst(worker);
            }
        }
    }

    private Worker startWorker() throws IOException {
        Worker w = new Worker();
        synchronized (all) {
            all.removeIf(x -> !x.alive());
            all.add(w);
        }
        return w;
    }

    @Override
    public void close() {
        closed = true;
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

        List<ExtractedDocument> extract(Path file, String display) {
            try {
                WorkerProtocol.writeRequest(requests, file.toAbsolutePath().toString(), display);
                Future<List<ExtractedDocument>> answer = reader.submit(() -> WorkerProtocol.readResponse(responses));
                return answer.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("{}: extraction exceeded {} s; worker stopped", display, limits.timeout().toSeconds());
                stop();
                return List.of(ExtractedDocument.failed(display, ExtractionStatus.ERROR,
                        "timed out: extraction took longer than " + limits.timeout().toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                return List.of(ExtractedDocument.failed(display, ExtractionStatus.ERROR, "interrupted"));
            } catch (IOException | ExecutionException e) {
                return List.of(ExtractedDocument.failed(display, ExtractionStatus.ERROR, crashReason()));
            }
        }

        private String crashReason() {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
            if (process.isAlive()) {
                return "extraction worker stopped answering";
            }
            int code = process.exitValue();
            return code == OUT_OF_MEMORY_EXIT
                    ? "out of memory: the parser needed more than " + limits.workerHeapMb() + " MB"
                    : "the parser crashed its worker process (exit code " + code + ")";
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
