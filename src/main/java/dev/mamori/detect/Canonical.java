package dev.mamori.detect;

import java.util.Locale;

/**
 * The comparable form of a value: NFKC, lower case, letters, digits and {@code .} only (e-mail
 * addresses keep all their characters).
 * Used to match exclusions and labels against findings whatever their formatting.
 */
public final class Canonical {

    private Canonical() {
    }

    public static String of(String value) {
        String n = NormalizedText.of(value).text().toLowerCase(Locale.ROOT);
        if (n.indexOf('@') > 0) { // an e-mail address: every character counts
            return n.strip();
        }
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '@' || cp == '.') {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        String s = b.toString();
        // +81 3-1234-5678 and 03-1234-5678 are the same number
        if (n.strip().startsWith("+81") && s.startsWith("81")) {
            s = "0" + s.substring(2);
        }
        return s;
    }
}
