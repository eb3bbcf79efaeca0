package dev.mamori.detect;

import dev.mamori.mask.Masker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a candidate span into a scored {@link Finding}, or drops it, recording each step:
 * pattern → validator (drops on failure) → exclusion context (drops) → context keywords
 * (raise, or drop when required). The same steps for every detector kind.
 */
final class CandidateJudge {

    private CandidateJudge() {
    }

    /**
     * @param start  normalised start offset of the value
     * @param end    normalised end offset (exclusive)
     * @param how    what matched, e.g. "pattern 2" or "column '氏名'"
     * @param groups named groups of the match (may return null)
     * @param columnContext context already established by the detector (a column header), or null
     */
    static Finding judge(RuleSpec spec, ScanText text, int start, int end, String how,
                         Function<String, String> groups, String columnContext) {
        return judge(spec, text, start, end, how, groups, columnContext, false);
    }

    /**
     * @param labelled the match itself holds the value's label before it on its line (ふりがな, then
     *                 the name in the next cell): when that line is a table's first and holds only the
     *                 two, the table is a form laid out in cells, and its first row no header
     */
    static Finding judge(RuleSpec spec, ScanText text, int start, int end, String how,
                         Function<String, String> groups, String columnContext, boolean labelled) {
        // a column heading names a value, it is never one; a first row of just a label and a value is a form's
        int line = text.layout().lineOf(start);
        if (text.layout().isTableHeader(line) && !(labelled && labelAndValueOnly(text.layout(), line))) {
            return null;
        }
        String value = text.text().substring(start, end);
        List<String> steps = new ArrayList<>(4);
        Confidence confidence = spec.confidence();
        steps.add(how + " matched: " + confidence.label());
        String canonical = null;
        if (spec.validator() != null) {
            Validator.Result result = spec.validator().validate(value, groups);
            if (!result.valid()) {
                return null;
            }
            canonical = result.canonical();
            steps.add("validator " + spec.validatorName() + ": " + result.note());
        }
        if (spec.excludeContext() != null) {
            String against = spec.excludeContext().find(text, start, end);
            if (against != null) {
                return null;
            }
        }
        String seen = columnContext != null ? columnContext
                : spec.context() == null ? null : spec.context().find(text, start, end);
        if (seen != null) {
            if (spec.contextConfidence().atLeast(confidence)) {
                confidence = spec.contextConfidence();
            }
            steps.add("context " + seen + ": " + confidence.label());
        } else if (spec.contextRequired()
                || spec.context() != null && spec.context().requiredInNumberRun() && NumberRun.around(text.text(), start, end)) {
            return null;
        }
        NormalizedText n = text.normalized();
        int originalStart = n.originalStart(start);
        int originalEnd = n.originalEnd(end);
        String evidence = n.original().substring(originalStart, originalEnd);
        return new Finding(spec.type(), spec.id(), originalStart, originalEnd, confidence,
                canonical != null ? canonical : Canonical.of(value), Masker.mask(spec.mask(), evidence), steps);
    }

    private static boolean labelAndValueOnly(TextLayout layout, int line) {
        int filled = 0;
        for (TextLayout.Cell cell : layout.cells(line)) {
            if (!cell.text().isBlank()) {
                filled++;
            }
        }
        return filled <= 2;
    }
}
