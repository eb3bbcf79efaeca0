package dev.mamori.detect;

/**
 * Everything detectors need about one text, computed once and shared by all of them:
 * the normalised text, an ASCII-lower-cased copy for keyword search, and its layout.
 */
public final class ScanText {

    private final NormalizedText normalized;
    private final String lower;
    private final TextLayout layout;

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
