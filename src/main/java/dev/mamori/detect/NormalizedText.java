package dev.mamori.detect;

import java.text.Normalizer;

/**
 * A text in the form detectors match on, with a map back to the original.
 *
 * <p>Normalisation is NFKC (full-width digits, letters and hyphens become ASCII, half-width kana
 * become full-width) plus folding of dash-like characters to {@code -}: the katakana prolonged
 * sound mark {@code ー} only between digits, where people type it for a hyphen ({@code 03ー1234ー5678}).
 * Every normalised char remembers the original span it came from, so findings report original
 * offsets and evidence.
 *
 * <p>Immutable and thread-safe.
 */
public final class NormalizedText {

    /** Single-char NFKC mappings for the BMP, computed once; null means "unchanged". */
    private static final String[] BMP_NFKC = new String[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (c < 0x80 || Character.isSurrogate((char) c)) {
                continue;
            }
            String s = String.valueOf((char) c);
            String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (!n.equals(s)) {
                BMP_NFKC[c] = n;
            }
        }
    }

    private final String original;
    private final String text;
    private final int[] originStart;
    private final int[] originEnd;

    private NormalizedText(String original, String text, int[] originStart, int[] originEnd) {
        this.original = original;
        this.text = text;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    public static NormalizedText of(String original) {
        int n = original.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 16];
        int[] ends = new int[n + 16];
        int i = 0;
        while (i < n) {
            char single = original.charAt(i);
            if ((single < 0x80 || (BMP_NFKC[single] == null && !Character.isSurrogate(single)))
                    && (i + 1 == n || !isCombining(original.charAt(i + 1)))) {
                // the common case, a char that stays as it is: no string for it
                int pos = out.length();
                if (pos >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                out.append(single < 0x80 ? single : foldDash(single, out, original, i + 1));
                starts[pos] = i;
                ends[pos] = i + 1;
                i++;
                continue;
            }
            int groupEnd = i + Character.charCount(original.codePointAt(i));
            while (groupEnd < n && isCombining(original.charAt(groupEnd))) {
                groupEnd++;
            }
            String mapped;
            if (groupEnd - i == 1) {
                char c = original.charAt(i);
                mapped = c < 0x80 ? null : BMP_NFKC[c];
                if (mapped == null) {
                    mapped = String.valueOf(c);
                }
            } else {
                mapped = Normalizer.normalize(original.substring(i, groupEnd), Normalizer.Form.NFKC);
            }
            for (int k = 0; k < mapped.length(); k++) {
                int pos = out.length();
                if (pos >= starts.length) {
                    starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    ends = java.util.Arrays.copyOf(ends, ends.length * 2);
                }
                char m = mapped.charAt(k);
                out.append(mapped.length() == 1 ? foldDash(m, out, original, groupEnd) : m);
                starts[pos] = i;
                ends[pos] = groupEnd;
            }
            i = groupEnd;
        }
        return new NormalizedText(original, out.toString(),
                java.util.Arrays.copyOf(starts, out.length()), java.util.Arrays.copyOf(ends, out.length()));
    }

    private static boolean isCombining(char c) {
        if (c < 0x300) {
            return false; // below the first combining mark
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == '\uFF9E' || c == '\uFF9F';
    }

    private static char foldDash(char c, CharSequence soFar, String original, int next) {
        switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D':
                return '-';
            case '\u30FC', '\uFF70':
                boolean digitBefore = soFar.length() > 0 && isDigit(soFar.charAt(soFar.length() - 1));
                boolean digitAfter = next < original.length() && isDigit(original.charAt(next));
                return digitBefore && digitAfter ? '-' : c;
            default:
                return c;
        }
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19');
    }

    /** The normalised text detectors match on. */
    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    public int length() {
        return text.length();
    }

    /** Original offset of the normalised position {@code pos} (a start). */
    public int originalStart(int pos) {
        if (pos >= originStart.length) {
            return original.length();
        }
        return originStart[pos];
    }

    /** Original end offset (exclusive) for a normalised end position (exclusive). */
    public int originalEnd(int end) {
        if (end <= 0) {
            return 0;
        }
        return originEnd[Math.min(end, originEnd.length) - 1];
    }

    /** The original text behind the normalised span [start, end). */
    public String originalSpan(int start, int end) {
        return original.substring(originalStart(start), originalEnd(end));
    }
}
