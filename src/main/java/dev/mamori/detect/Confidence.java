package dev.mamori.detect;

import java.util.Locale;

/** How sure a detector is that a match is really of its type. Ordered from weakest to strongest. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Confidence other) {
        return compareTo(other) >= 0;
    }

    public Confidence max(Confidence other) {
        return atLeast(other) ? this : other;
    }

    /** Parses {@code low|medium|high} (any case); returns null for anything else. */
    public static Confidence parse(String text) {
        for (Confidence c : values()) {
            if (c.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        return null;
    }
}
