package dev.mamori.detect;

import java.util.Map;
import java.util.Set;

/**
 * Values that are never reported: the company's own switchboard, published test card numbers.
 * Compared in {@link Canonical} form, per type ({@code *} for any type). Immutable.
 */
public record ValueExclusions(Map<String, Set<String>> canonicalByType) {

    public static final String ANY_TYPE = "*";

    public static ValueExclusions none() {
        return new ValueExclusions(Map.of());
    }

    public boolean excludes(Finding f) {
        return contains(f.type(), f.value()) || contains(ANY_TYPE, f.value());
    }

    private boolean contains(String type, String canonicalValue) {
        Set<String> values = canonicalByType.get(type);
        return values != null && values.contains(canonicalValue);
    }
}
