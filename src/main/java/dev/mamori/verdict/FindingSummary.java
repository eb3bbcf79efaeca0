package dev.mamori.verdict;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        findings.stream()
                .sorted(Comparator.comparing(Finding::type).thenComparing(Finding::ruleId))
                .forEach(f -> byRule.computeIfAbsent(f.type() + "\u0000" + f.ruleId(), k -> new ArrayList<>()).add(f));
        List<FindingSummary> out = new ArrayList<>();
        for (List<Finding> group : byRule.values()) {
            Finding strongest = group.stream().max(Comparator.comparing(Finding::confidence)).orElseThrow();
            Set<String> samples = new LinkedHashSet<>();
            for (Finding f : group) {
                if (samples.size() < MAX_SAMPLES) {
                    samples.add(f.masked());
                }
            }
            out.add(new FindingSummary(strongest.type(), strongest.ruleId(), group.size(), strongest.confidence(),
                    new ArrayList<>(samples), strongest.explanation()));
        }
        return out;
    }
}
