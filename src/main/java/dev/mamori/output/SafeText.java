package dev.mamori.output;

/**
 * Escapes the characters of a value that could act on a terminal or change how a line reads: C0
 * controls (newline, ESC, ...), DEL, C1 controls, line and paragraph separators and the bidi
 * controls (U+202E "right-to-left override" makes {@code txt.exe} look like {@code exe.txt}).
 * {@code \n}, {@code \r} and {@code \t} become those two-character escapes, every other one
 * {@code \}{@code u} and four hex digits. Everything else, Japanese included, is kept as is.
 * Backslashes are kept too (Windows paths), so the escaping is for reading, not reversible.
 */
public final class SafeText {

    private SafeText() {
    }

    /** {@code value} with its unsafe characters escaped; {@code "null"} for null, as string concatenation does. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * For an HTML page: {@link #of} then the five HTML specials as entities; {@code ""} for null.
     * A newline in a file name shows as {@code \n} instead of silently folding into a space.
     */
    public static String html(String value) {
        return value == null ? "" : of(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** {@code String.format} with every argument that is not a number passed through {@link #of}. */
    public static String format(String format, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = args[i] instanceof Number || args[i] instanceof Boolean ? args[i] : of(args[i]);
        }
        return String.format(java.util.Locale.ROOT, format, safe);
    }

    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) // C0, DEL, C1
                || c == '\u061c' || c == '\u200e' || c == '\u200f' // Arabic letter mark, LRM, RLM
                || (c >= '\u2028' && c <= '\u202e') // line/paragraph separators, LRE RLE PDF LRO RLO
                || (c >= '\u2066' && c <= '\u2069') // LRI RLI FSI PDI
                || c == '\ufeff'; // zero-width no-break space
    }
}
