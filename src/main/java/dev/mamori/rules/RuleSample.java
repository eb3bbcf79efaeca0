package dev.mamori.rules;

import dev.mamori.detect.Confidence;

/**
 * A sample text a rule carries: a positive one must produce a finding of the rule (at least
 * {@code confidence} when given), a negative one must produce none.
 */
public record RuleSample(String ruleId, String type, String text, boolean positive, Confidence confidence,
                         String file, int line) {
}
