package dev.mamori.detect;

import dev.mamori.mask.MaskStyle;
import java.time.Duration;
import java.util.List;

/**
 * What every rule has, whatever its detector kind: identity, scoring and presentation.
 *
 * @param id                unique rule id, e.g. {@code jp-phone}
 * @param type              information type, e.g. {@code PHONE_NUMBER}
 * @param confidence        confidence of a bare pattern match that passed its validator
 * @param validator         extra check, or null
 * @param validatorName     registered name of the validator, or null
 * @param context           keywords that raise the confidence to {@code contextConfidence}
 * @param contextConfidence the confidence with a context keyword present
 * @param contextRequired   drop matches without a context keyword
 * @param excludeContext    keywords that mark a match as something else (部品番号, 追跡番号)
 * @param mask              how evidence is masked
 * @param prefilter         the text must contain one of these (lower-case) for the rule to run; empty: always run
 * @param budget            CPU time the rule may spend on each million characters of a text (at least once per text)
 */
public record RuleSpec(String id, String type, Confidence confidence, Validator validator, String validatorName,
                       ContextMatcher context, Confidence contextConfidence, boolean contextRequired,
                       ContextMatcher excludeContext, MaskStyle mask, List<String> prefilter, Duration budget) {

    public RuleSpec {
        prefilter = List.copyOf(prefilter);
    }

    /**
     * False when the text cannot contain a match: none of the prefilter strings occurs, or the rule
     * requires context and no context keyword occurs anywhere (gitleaks' keyword prefilter).
     */
    public boolean mayMatch(ScanText text) {
        if (contextRequired && context != null && !context.occursIn(text)) {
            return false;
        }
        if (prefilter.isEmpty()) {
            return true;
        }
        for (String p : prefilter) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The literals this rule looks for whatever its kind: prefilter, context and exclusion keywords. */
    public java.util.Set<String> literals() {
        java.util.Set<String> all = new java.util.HashSet<>(prefilter);
        if (context != null) {
            all.addAll(context.keywords());
        }
        if (excludeContext != null) {
            all.addAll(excludeContext.keywords());
        }
        return all;
    }

    /** When (in {@link ThreadTime}) the calling thread must stop this rule on a text of {@code chars} characters. */
    long deadline(int chars) {
        long millions = Math.max(1, (chars + 999_999L) / 1_000_000L);
        return ThreadTime.nanos() + budget.toNanos() * millions;
    }
}
