package dev.mamori.cli;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** Type counts as people read them in a terminal or a spreadsheet: never Java map text. */
final class TypeCounts {

    private TypeCounts() {
    }

    /** "PERSON_NAME 60, PHONE_NUMBER 5": most found first, then by name, so output is the same run to run. */
    static String text(Map<String, ? extends Number> counts) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, ? extends Number>>comparingLong(e -> -e.getValue().longValue())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
