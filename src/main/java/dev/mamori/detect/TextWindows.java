package dev.mamori.detect;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a text read from a stream into windows that detection can hold, so that memory stays bounded
 * however long the text. Each window <em>owns</em> a run of whole lines and carries context on
 * either side: the lines before it ({@code overlap} chars at least) and after it, and, when its
 * first line sits in a table whose header lies further up, that header line in front
 * ({@link #carryHeader}), so column rules and column context work as on the whole text.
 * A finding belongs to the window that owns its start: one that crosses a boundary is seen by two
 * windows and counted by one. A text no longer than one window is one window, the whole text.
 *
 * <p>Lines longer than {@link #MAX_LINE} chars are cut where they reach it. Not thread-safe; the
 * caller closes the reader.
 */
public final class TextWindows {

    /** A line longer than this is cut: a window boundary must be found within it. */
    static final int MAX_LINE = 64 * 1024;

    /**
     * One window.
     *
     * @param text      the header carried (if any), then the context before, the owned lines, the context after
     * @param ownedFrom where the owned lines start in {@code text}
     * @param ownedTo   where they end (exclusive)
     * @param offset    the position in the whole text of {@code text}'s position 0 (the carried header
     *                  shifts it: positions before {@code ownedFrom} are context, never owned)
     * @param nextStart where in {@code text} the next window's context begins; {@code -1} for the last window
     */
    public record Window(String text, int ownedFrom, int ownedTo, long offset, int nextStart) {

        public boolean owns(int position) {
            return position >= ownedFrom && position < ownedTo;
        }

        public boolean last() {
            return nextStart < 0;
        }
    }

    private final Reader in;
    private final int size;
    private final int overlap;
    private final StringBuilder pending = new StringBuilder();
    private final char[] buffer = new char[1 << 16];
    private boolean eof;
    /** Position in the whole text of {@code pending}'s first char. */
    private long base;
    /** Chars at the start of {@code pending} that are context (owned by the window before). */
    private int context;
    private String header = "";
    /** In {@code pending}: where the last window's owned lines end and the next one's context starts (-1: none yet). */
    private int ownedTo;
    private int nextStart = -1;
    private boolean done;

    /**
     * @param size    chars each window owns, about (whole lines)
     * @param overlap context chars on either side; more than any rule's reach (a context keyword's
     *                proximity, the record window, a finding's length)
     */
    public TextWindows(Reader in, int size, int overlap) {
        if (size <= 2 * overlap || overlap < 1) {
            throw new IllegalArgumentException("a window of " + size + " chars cannot have " + overlap + " of overlap");
        }
        this.in = in;
        this.size = size;
        this.overlap = overlap;
    }

    /** The next window, or null after the last. */
    public Window next() throws IOException {
        if (done) {
            return null;
        }
        if (nextStart >= 0) {
            pending.delete(0, nextStart);
            base += nextStart;
            context = ownedTo - nextStart;
        }
        fill(context + size + overlap + 2 * MAX_LINE);
        int ownedFrom = context;
        int contextEnd;
        if (eof && pending.length() <= context + size + overlap) {
            ownedTo = pending.length();
            contextEnd = ownedTo;
            nextStart = -1;
            done = true;
        } else {
            ownedTo = lineStartFrom(context + size);
            contextEnd = lineStartFrom(ownedTo + overlap);
            nextStart = lineStartBefore(ownedTo - overlap, ownedFrom);
            if (eof && ownedTo == pending.length()) {
                nextStart = -1; // the lines ran out inside this window
                done = true;
            }
        }
        String carried = ownedFrom == 0 ? "" : header;
        header = "";
        int shift = carried.length();
        return new Window(carried + pending.substring(0, contextEnd), ownedFrom + shift, ownedTo + shift, base - shift,
                done ? -1 : nextStart + shift);
    }

    /**
     * The header line (without its line break) of the table the next window's context starts in,
     * when that header lies before it; told after each window is judged. Ignored when too long.
     */
    public void carryHeader(String line) {
        header = line == null || line.isEmpty() || line.length() > MAX_LINE ? "" : line + "\n";
    }

    private void fill(int chars) throws IOException {
        while (!eof && pending.length() < chars) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
            } else {
                pending.append(buffer, 0, n);
            }
        }
    }

    /** The start of the first line at or after {@code from}, within a line's length; the text's end at most. */
    private int lineStartFrom(int from) {
        if (from >= pending.length()) {
            return pending.length();
        }
        if (from == 0 || pending.charAt(from - 1) == '\n') {
            return from;
        }
        int limit = Math.min(pending.length(), from + MAX_LINE);
        for (int i = from; i < limit; i++) {
            if (pending.charAt(i) == '\n') {
                return i + 1;
            }
        }
        return avoidSplitPair(limit);
    }

    /** The start of the line holding {@code at}, within a line's length and not before {@code floor}. */
    private int lineStartBefore(int at, int floor) {
        int lowest = Math.max(floor, at - MAX_LINE);
        for (int i = at; i > lowest; i--) {
            if (pending.charAt(i - 1) == '\n') {
                return i;
            }
        }
        int cut = Math.min(at, pending.length());
        return avoidSplitPair(cut) == cut ? cut : cut - 1; // back, not forward: the context stays whole
    }

    /** A cut never falls between the two halves of a surrogate pair. */
    private int avoidSplitPair(int cut) {
        return cut > 0 && cut < pending.length() && Character.isLowSurrogate(pending.charAt(cut))
                && Character.isHighSurrogate(pending.charAt(cut - 1)) ? cut + 1 : cut;
    }
}
