package dev.mamori.cli;

import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ScanSummary;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Keeps the output whole when the scan is interrupted (Ctrl-C, {@code kill}): each result is written
 * under a lock, and a shutdown hook takes the lock, so it waits for the result being written, then
 * flushes. The output therefore ends on a complete line (JSONL, CSV) and the user is told the scan
 * was interrupted. Results that arrive after the hook ran are dropped. Closing removes the hook.
 */
final class LineGuard implements ResultWriter {

    private final ResultWriter inner;
    private final PrintWriter err;
    private final Thread hook;
    private int written;
    private boolean stopped;

    LineGuard(ResultWriter inner, PrintWriter err) {
        this.inner = inner;
        this.err = err;
        this.hook = new Thread(this::interrupted, "mamori-scan-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public synchronized void write(DocumentResult result) throws IOException {
        if (!stopped) {
            inner.write(result);
            written++;
        }
    }

    @Override
    public synchronized void finish(ScanSummary summary) throws IOException {
        if (!stopped) {
            inner.finish(summary);
        }
    }

    private synchronized void interrupted() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            inner.close();
        } catch (IOException e) {
            // nothing more can be saved
        }
        err.println("mamori scan: interrupted; the output holds the first " + written
                + " results, each complete; the scan did not finish");
        err.flush();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook has run or is running
        }
        inner.close();
    }
}
