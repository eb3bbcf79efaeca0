package dev.mamori.detect;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The registry of validators a rule may name, with the options each accepts.
 * A rule pack naming anything else is rejected on load.
 */
public final class Validators {

    private record Entry(Set<String> options, BiFunction<Map<String, Object>, Clock, Validator> factory) {
    }

    private static final Map<String, Entry> REGISTRY = new TreeMap<>(Map.of(
            "luhn-card", new Entry(Set.of(), (o, c) -> new CardNumberValidator()),
            "my-number", new Entry(Set.of(), (o, c) -> new MyNumberValidator()),
            "corporate-number", new Entry(Set.of(), (o, c) -> new CorporateNumberValidator()),
            "jp-phone", new Entry(Set.of("allow-international"),
                    (o, c) -> new PhoneNumberValidator(bool(o, "allow-international", true))),
            "birth-date", new Entry(Set.of("min-age", "max-age"),
                    (o, c) -> new BirthDateValidator(c, integer(o, "min-age", 0), integer(o, "max-age", 120))),
            "email", new Entry(Set.of("reject-tlds"),
                    (o, c) -> new EmailValidator(strings(o, "reject-tlds")))));

    private Validators() {
    }

    public static Set<String> names() {
        return REGISTRY.keySet();
    }

    public static boolean exists(String name) {
        return REGISTRY.containsKey(name);
    }

    /** Option keys the named validator accepts. */
    public static Set<String> optionsOf(String name) {
        return REGISTRY.get(name).options();
    }

    /**
     * @throws IllegalArgumentException for an unknown name, unknown option or badly typed option value
     */
    public static Validator create(String name, Map<String, Object> options, Clock clock) {
        Entry entry = REGISTRY.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown validator '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        for (String key : options.keySet()) {
            if (!entry.options().contains(key)) {
                throw new IllegalArgumentException("validator '" + name + "' has no option '" + key + "'"
                        + (entry.options().isEmpty() ? "" : " (options: " + String.join(", ", entry.options()) + ")"));
            }
        }
        return entry.factory().apply(options, clock);
    }

    private static boolean bool(Map<String, Object> o, String key, boolean dflt) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false, not '" + v + "'");
    }

    private static int integer(Map<String, Object> o, String key, int dflt) {
        Object v = o.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Integer i && i >= 0) {
            return i;
        }
        throw new IllegalArgumentException("option '" + key + "' must be a whole number >= 0, not '" + v + "'");
    }

    private static Set<String> strings(Map<String, Object> o, String key) {
        Object v = o.get(key);
        if (v == null) {
            return Set.of();
        }
        if (v instanceof java.util.List<?> list) {
            return list.stream().map(x -> String.valueOf(x).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        throw new IllegalArgumentException("option '" + key + "' must be a list");
    }

    /** The ASCII digits of {@code s}, in order. */
    static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when every digit is the same (000000000000 passes some checksums but is never real). */
    static boolean allSame(String digits) {
        return digits.chars().distinct().count() <= 1;
    }
}
