package dev.mamori.detect;

/**
 * Everything detectors need about one text, computed once and shared by all of them:
 * the normalised text, an ASCII-lower-cased copy for keyword search, its layout, and where the
 * rules' literals occur in it (one pass for a whole rule set, see {@link #index}).
 */
public final class ScanText {

    private final NormalizedText normalized;
    private final String lower;
    private final TextLayout layout;
    /** Start positions in {@link #lower} of each literal asked for, ascending. */
    private final java.util.concurrent.ConcurrentHashMap<String, int[]> occurrences =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile LiteralIndex indexedBy;

    private ScanText(NormalizedText normalized) {
        this.normalized = normalized;
        this.lower = asciiLower(normalized.text());
        this.layout = TextLayout.of(normalized.text());
    }

    public static ScanText of(String original) {
        return new ScanText(NormalizedText.of(original));
    }

    public NormalizedText normalized() {
        return normalized;
    }

    /** The normalised text. */
    public String text() {
        return normalized.text();
    }

    /** The normalised text with ASCII letters lower-cased; same length and offsets as {@link #text()}. */
    public String lower() {
        return lower;
    }

    public int length() {
        return normalized.length();
    }

    public TextLayout layout() {
        return layout;
    }

    /** Finds every literal of the index in one pass; later requests for them are answered from it. */
    public void index(LiteralIndex index) {
        if (indexedBy != index) {
            occurrences.putAll(index.occurrencesIn(lower));
            indexedBy = index;
        }
    }

    /**
     * Start positions of {@code literal} (in search form) in {@link #lower()}, ascending, overlapping
     * ones included. A literal outside the index is searched for once, on first request.
     */
    public int[] occurrences(String literal) {
        int[] found = occurrences.get(literal);
        return found != null ? found : occurrences.computeIfAbsent(literal, this::search);
    }

    /** True when {@code literal} occurs somewhere in {@link #lower()}. */
    public boolean contains(String literal) {
        return occurrences(literal).length > 0;
    }

    /** Index in {@code positions} of the first position at or after {@code from}. */
    static int firstAtOrAfter(int[] positions, int from) {
        int i = java.util.Arrays.binarySearch(positions, from);
        return i >= 0 ? i : -i - 1;
    }

    private int[] search(String literal) {
        if (literal.isEmpty()) {
            return LiteralIndex.NONE;
        }
        int[] found = new int[4];
        int n = 0;
        for (int at = lower.indexOf(literal); at >= 0; at = lower.indexOf(literal, at + 1)) {
            if (n == found.length) {
                found = java.util.Arrays.copyOf(found, n * 2);
            }
            found[n++] = at;
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /**
     * The form in which keywords, terms, headings and anchors are searched for in {@link #lower()}:
     * NFKC-normalised, ASCII letters lower-cased. The one definition every detector uses.
     */
    public static String searchForm(String keyword) {
        return asciiLower(NormalizedText.of(keyword).text());
    }

    static String asciiLower(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) (c + 32);
            }
        }
        return chars == null ? s : new String(chars);
    }
}
