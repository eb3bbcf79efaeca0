package dev.mamori.verdict;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import java.util.List;

/**
 * The findings of one rule in one document, summed up for output: how many, the strongest
 * confidence, a few distinct masked samples, and why the strongest one fired.
 */
public record FindingSummary(String type, String rule, int count, Confidence confidence, List<String> samples,
                             List<String> explanation) {

    public static final int MAX_SAMPLES = 3;

    public FindingSummary {
        samples = List.copyOf(samples);
        explanation = List.copyOf(explanation);
    }

    /** One summary per (type, rule), ordered by type then rule. */
    public static List<FindingSummary> of(List<Finding> findings) {
        return FindingTally.of(findings).summaries();
    }
}
