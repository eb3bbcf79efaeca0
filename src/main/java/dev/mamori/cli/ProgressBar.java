package dev.mamori.cli;

import dev.mamori.scan.Scanner;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn at most every 100 ms. */
final class ProgressBar implements Scanner.Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void fileDone(int done, long total) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double fraction = total <= 0 ? 0 : Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double rate = done / Math.max(0.001, (now - started) / 1e9);
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d files  %.1f files/s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, rate);
        if (done >= total) {
            out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
        }
        out.flush();
    }
}
