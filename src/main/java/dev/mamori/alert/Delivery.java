package dev.mamori.alert;

import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alert store to one sink, in order, at least once. The sink's position (the last
 * acknowledged {@code seq}) is written atomically after each acknowledged batch, so after a crash
 * or restart delivery resumes there: an alert may be sent twice, never lost. While the sink is
 * down, its backlog is the spool; when the backlog exceeds the bound, the sink is reported full
 * and the oldest undelivered alerts stay in the store only (they remain searchable; the status
 * counts them as dropped). A sink that is down is tried again after a delay that doubles with each
 * failure in a row, up to {@link #MAX_BACKOFF}. One thread per sink.
 */
public final class Delivery implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final int BATCH = 200;

    private final AlertStore store;
    private final Sink sink;
    private final Path positionFile;
    private final Duration retry;
    private final int spoolMax;
    private volatile boolean running = true;
    /** The host of the last alert delivered in this run: the store's host, for the chain head. */
    private volatile String deliveredHost;
    private String sentHead;
    private long headSentAt;
    /** What a retry pause waits on, so that {@link #stop} ends it at once. */
    private final Object pauses = new Object();
    private volatile String lastError;
    private volatile long position;
    private volatile long dropped;
    private String recovery;
    /** Failed attempts in a row, for the backoff. */
    private int failures;
    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();

    public Delivery(AlertStore store, Sink sink, Path positionsDir, Duration retry, int spoolMax) throws IOException {
        this.store = store;
        this.sink = sink;
        this.positionFile = OwnerOnly.directory(positionsDir).resolve(sink.name() + ".position");
        this.retry = retry;
        this.spoolMax = spoolMax;
        this.position = readPosition();
    }

    public String sinkName() {
        return sink.name();
    }

    /** The last acknowledged alert. */
    public long position() {
        return position;
    }

    /** Alerts stored but not yet acknowledged by the sink. */
    public long backlog() {
        return Math.max(0, store.lastAlertSeq() - position);
    }

    /** The sink's last failure, or null when it is delivering. */
    public String lastError() {
        return lastError;
    }

    /** Alerts passed over because the spool was full (they remain in the store). */
    public long dropped() {
        return dropped;
    }

    /** How often the store has been read for a batch: a waiting delivery reads about once a second. */
    long polls() {
        return polls.get();
    }

    /**
     * Ends the loop without interrupting it: an interrupt inside a Lucene read or refresh closes the
     * store's files (ClosedByInterruptException), so the waits here are woken instead.
     */
    public void stop() {
        running = false;
        synchronized (pauses) {
            pauses.notifyAll();
        }
        store.wakeWaiters();
    }

    @Override
    public void run() {
        try {
            deliverUntilStopped();
        } finally {
            sendChainHead(true);
        }
    }

    private void deliverUntilStopped() {
        while (running) {
            try {
                if (!deliverOnce()) {
                    sendChainHead(false);
                    store.awaitAfter(position, 1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return; // stopping: an interrupted read is no outage
                }
                if (lastError == null) {
                    LOG.warn("sink {} is down ({}); alerts are kept and will be delivered when it is back", sink.name(),
                            e.getMessage());
                }
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                sleep(backoff(retry, ++failures));
            }
        }
    }

    /**
     * Delivers one batch if there is one. Returns false when there was nothing to deliver.
     *
     * @throws IOException when the sink did not acknowledge
     */
    public boolean deliverOnce() throws IOException {
        polls.incrementAndGet();
        enforceSpoolBound();
        List<Alert> batch = store.readAfter(position, BATCH);
        if (batch.isEmpty()) {
            return false;
        }
        sink.deliver(batch);
        writePosition(batch.get(batch.size() - 1).seq());
        deliveredHost = batch.get(batch.size() - 1).host();
        failures = 0;
        if (lastError != null) {
            LOG.info("sink {} is delivering again", sink.name());
            lastError = null;
        }
        return true;
    }

    /** The last chain head the sink acknowledged in this run, or null. */
    public synchronized String chainHeadSent() {
        return sentHead;
    }

    /** Shortest time between two chain heads sent to one sink. */
    static final Duration HEAD_EVERY = Duration.ofSeconds(10);

    /**
     * Caught up: sends the store's head after the alerts it covers, when it moved since the last one
     * sent and at most every {@link #HEAD_EVERY}; at shutdown ({@code last}) whatever the interval,
     * so that the sink holds the anchor of everything it was given. A failure is retried with the
     * next head; it does not hold up alerts.
     */
    private void sendChainHead(boolean last) {
        if (deliveredHost == null || last && backlog() > 0) {
            return; // nothing sent in this run (the head already sent, or none), or alerts it does not cover yet
        }
        String head = store.head();
        long now = System.nanoTime();
        if (head.equals(sentHead) || !last && sentHead != null && now - headSentAt < HEAD_EVERY.toNanos()) {
            return;
        }
        try {
            sink.deliverChainHead(deliveredHost, head, java.time.Instant.now());
            synchronized (this) {
                sentHead = head;
            }
            headSentAt = now;
        } catch (IOException | RuntimeException e) {
            LOG.debug("sink {}: chain head not sent ({})", sink.name(), e.getMessage());
        }
    }

    private void enforceSpoolBound() throws IOException {
        long backlog = backlog();
        if (backlog > spoolMax) {
            long skip = backlog - spoolMax;
            dropped += skip;
            LOG.error("sink {}: spool full ({} undelivered alerts, bound {}); the oldest {} stay in the alert store only",
                    sink.name(), backlog, spoolMax, skip);
            writePosition(position + skip);
        }
    }

    private long readPosition() throws IOException {
        if (!Files.exists(positionFile)) {
            return 0;
        }
        String text = Files.readString(positionFile, StandardCharsets.ISO_8859_1).trim();
        try {
            long p = Long.parseLong(text);
            if (p >= 0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // damaged (empty after a crash, overwritten): rebuilt below
        }
        // start again from the beginning of the store: alerts may be delivered twice, none is lost
        recovery = "position of sink " + sink.name() + " damaged (" + positionFile.getFileName()
                + "); alerts are delivered again from the start of the store (duplicates possible)";
        LOG.error(recovery);
        return 0;
    }

    /** When the sink's position was damaged and rebuilt at start, what happened (for a health alert); else null. */
    public String recovery() {
        return recovery;
    }

    private void writePosition(long seq) throws IOException {
        Path tmp = positionFile.resolveSibling(positionFile.getFileName() + ".tmp");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(Long.toString(seq).getBytes(StandardCharsets.US_ASCII)));
            ch.force(true); // durable before it replaces the old position: a crash leaves one or the other, whole
        }
        OwnerOnly.restrict(tmp);
        Files.move(tmp, positionFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        position = seq;
    }

    /** Longest wait between two attempts on a sink that is down. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /**
     * The wait after the {@code failures}-th failure in a row: the configured retry delay, doubled
     * with each further failure, at most {@link #MAX_BACKOFF} (or the retry delay, if that is longer).
     */
    static Duration backoff(Duration retry, int failures) {
        Duration cap = retry.compareTo(MAX_BACKOFF) > 0 ? retry : MAX_BACKOFF;
        Duration d = retry;
        for (int i = 1; i < failures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private void sleep(Duration d) {
        try {
            synchronized (pauses) {
                if (running) {
                    pauses.wait(Math.max(1, d.toMillis()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
