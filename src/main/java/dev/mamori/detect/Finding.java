package dev.mamori.detect;

import java.util.List;

/**
 * One match of one rule in one text.
 *
 * @param type        the information type, e.g. {@code PHONE_NUMBER}
 * @param ruleId      the rule that produced it
 * @param start       start offset in the original (un-normalised) text
 * @param end         end offset (exclusive) in the original text
 * @param confidence  final confidence after validators and context
 * @param value       canonical value (digits only, ISO date, ...) used for de-duplication, exclusions
 *                    and evaluation; raw personal data, so it never leaves the process: {@link #toString()}
 *                    and every writer use {@link #masked()} instead
 * @param masked      the evidence as it may be shown, e.g. {@code 090-****-5678}
 * @param explanation the steps that decided the confidence, in order
 */
public record Finding(String type, String ruleId, int start, int end, Confidence confidence,
                      String value, String masked, List<String> explanation) {

    public Finding {
        explanation = List.copyOf(explanation);
    }

    public Finding withConfidence(Confidence newConfidence, String why) {
        var steps = new java.util.ArrayList<>(explanation);
        steps.add(why);
        return new Finding(type, ruleId, start, end, newConfidence, value, masked, steps);
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    @Override
    public String toString() {
        return type + "[" + masked + ", " + confidence.label() + ", rule " + ruleId + " @" + start + "-" + end + "]";
    }
}
