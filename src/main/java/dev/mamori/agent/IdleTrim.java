package dev.mamori.agent;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Hands the heap a burst of files grew back to the system once the agent has been at rest for the
 * idle period ({@code scan.idle-seconds}, the same period after which the parsing worker stops).
 * A JVM keeps the heap it once needed; with the serial collector and the service units'
 * {@code -XX:MaxHeapFreeRatio}, one full collection at rest shrinks it to the live data. Runs once
 * per quiet spell (after start, after each burst), never while files are queued or judged.
 *
 * <p>Run on the agent's housekeeping scheduler; not thread-safe on its own.
 */
final class IdleTrim implements Runnable {

    /** How often the agent looks whether it is at rest: cheap, and a trim a few seconds late costs nothing. */
    static final long CHECK_SECONDS = 5;

    private final LongSupplier checked;
    private final LongSupplier inFlight;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final Runnable trim;
    private long lastChecked = -1;
    private long lastActivity;
    private boolean pending = true; // start-up garbage is worth handing back too

    /**
     * @param checked  files checked so far (grows with every file)
     * @param inFlight files queued or being judged now
     * @param idle     rest needed before trimming
     * @param nanoTime the clock
     * @param trim     what hands memory back ({@link MemoryHandBack} in the agent)
     */
    IdleTrim(LongSupplier checked, LongSupplier inFlight, Duration idle, LongSupplier nanoTime, Runnable trim) {
        this.checked = checked;
        this.inFlight = inFlight;
        this.idleNanos = idle.toNanos();
        this.nanoTime = nanoTime;
        this.trim = trim;
        this.lastActivity = nanoTime.getAsLong();
    }

    @Override
    public void run() {
        long now = nanoTime.getAsLong();
        long n = checked.getAsLong();
        if (n != lastChecked || inFlight.getAsLong() > 0) {
            lastChecked = n;
            lastActivity = now;
            pending = true;
            return;
        }
        if (pending && now - lastActivity >= idleNanos) {
            pending = false;
            trim.run();
        }
    }
}
