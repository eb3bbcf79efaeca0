package dev.mamori.verdict;

import dev.mamori.detect.Confidence;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import java.util.Set;

/**
 * One line of the severity policy: when a document meets {@link Condition}, it gets at least
 * {@code severity} and carries {@code flags} (e.g. {@code appi-reportable}).
 */
public record PolicyRule(String id, Severity severity, Condition when, Set<String> flags, String description) {

    public PolicyRule {
        flags = Set.copyOf(flags);
    }

    /**
     * All given parts must hold. {@code types} empty means any type; {@code minCount} counts findings of
     * those types at {@code minConfidence} or more; {@code statuses} empty means any status;
     * {@code uninspectable} empty means any document, otherwise only documents not fully read for one
     * of these causes.
     */
    public record Condition(Set<String> types, int minCount, Confidence minConfidence, int minRecords,
                            Set<ExtractionStatus> statuses, Set<Uninspectable> uninspectable) {

        public Condition {
            types = Set.copyOf(types);
            statuses = Set.copyOf(statuses);
            uninspectable = Set.copyOf(uninspectable);
        }

        boolean holds(DocumentFacts facts) {
            if (!statuses.isEmpty() && !statuses.contains(facts.status())) {
                return false;
            }
            if (!uninspectable.isEmpty() && (facts.uninspectable() == null || !uninspectable.contains(facts.uninspectable()))) {
                return false;
            }
            if (minRecords > 0 && facts.records() < minRecords) {
                return false;
            }
            if (minCount > 0) {
                return facts.findings().count(types, minConfidence) >= minCount;
            }
            return true;
        }
    }
}
