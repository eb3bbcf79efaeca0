package dev.mamori.detect;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Strings that every match of a rule contains (or stands near), and how far a match reaches from
 * them. Detectors work only in the windows around anchor occurrences: found for all rules at
 * once by the {@link LiteralIndex}, which is far cheaper than running a regex engine or a
 * morphological analyser over every position of a text. Immutable.
 *
 * @param strings lower-case strings; empty means "everywhere"
 * @param window  characters on each side of an occurrence that belong to its window
 */
public record Anchors(List<String> strings, int window) {

    public Anchors {
        strings = List.copyOf(strings);
    }

    public static Anchors everywhere() {
        return new Anchors(List.of(), 0);
    }

    public boolean isEverywhere() {
        return strings.isEmpty();
    }

    /** Positions where an anchor occurrence starts. */
    BitSet hits(ScanText text) {
        BitSet hits = new BitSet(text.length());
        for (String anchor : strings) {
            for (int at : text.occurrences(anchor)) {
                hits.set(at);
            }
        }
        return hits;
    }

    /** Merged windows around the occurrences, as [start0, end0, start1, end1, ...]. */
    int[] regions(ScanText text) {
        int length = text.text().length();
        if (isEverywhere()) {
            return new int[] {0, length};
        }
        BitSet hits = hits(text);
        int[] out = new int[16];
        int n = 0;
        for (int at = hits.nextSetBit(0); at >= 0; ) {
            int start = Math.max(0, at - window);
            int end = Math.min(length, at + window);
            int next = hits.nextSetBit(at + 1);
            while (next >= 0 && next - window <= end) {
                end = Math.min(length, next + window);
                next = hits.nextSetBit(next + 1);
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = end;
            at = next;
        }
        return Arrays.copyOf(out, n);
    }
}
