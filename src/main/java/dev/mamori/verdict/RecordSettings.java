package dev.mamori.verdict;

import dev.mamori.detect.Confidence;
import java.util.Set;

/**
 * How findings are grouped into personal records.
 *
 * @param nameType       the type that anchors a record (PERSON_NAME)
 * @param companionTypes types that make a name a record when near it (address, phone, birth date)
 * @param window         outside tables, how many characters may separate a name and a companion
 * @param minConfidence  findings below this do not count
 */
public record RecordSettings(String nameType, Set<String> companionTypes, int window, Confidence minConfidence) {

    public RecordSettings {
        companionTypes = Set.copyOf(companionTypes);
    }

    public static RecordSettings defaults() {
        return new RecordSettings("PERSON_NAME", Set.of("STREET_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH"), 200,
                Confidence.LOW);
    }
}
