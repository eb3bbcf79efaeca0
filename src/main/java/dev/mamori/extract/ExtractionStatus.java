package dev.mamori.extract;

import java.util.Locale;

/**
 * What became of one document's extraction. The scan reports it as is: an encrypted or broken
 * document is "could not inspect", never "clean".
 */
public enum ExtractionStatus {
    /** All text extracted. */
    OK,
    /** Some text extracted, but a limit (bytes, characters, depth, time budget) cut it short. */
    TRUNCATED,
    /** Password-protected: nothing (or only the container listing) could be read. */
    ENCRYPTED,
    /** Corrupt, unsupported, timed out or out of memory: see the reason. */
    ERROR,
    /** Not read on purpose (excluded path, not a regular file). */
    SKIPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExtractionStatus parse(String text) {
        for (ExtractionStatus s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
