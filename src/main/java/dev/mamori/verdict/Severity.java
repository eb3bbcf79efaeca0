package dev.mamori.verdict;

import java.util.Locale;

/** How serious a document's content is, from the policy rules it meets. Ordered. */
public enum Severity {
    NONE, LOW, MEDIUM, HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
