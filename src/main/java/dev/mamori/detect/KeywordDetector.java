package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Detector kind {@code keywords}: a list of terms (confidential markings, project code names).
 * Matching ignores ASCII case and width; an ASCII term must stand as a whole word.
 */
public final class KeywordDetector implements Detector {

    private final RuleSpec spec;
    private final List<String> terms;
    private final List<String> originalTerms;

    public KeywordDetector(RuleSpec spec, List<String> terms) {
        this.spec = spec;
        this.originalTerms = List.copyOf(terms);
        this.terms = terms.stream().map(ScanText::searchForm).toList();
    }

    @Override
    public RuleSpec spec() {
        return spec;
    }

    @Override
    public java.util.Set<String> literals() {
        java.util.Set<String> all = new java.util.HashSet<>(spec.literals());
        all.addAll(terms);
        return all;
    }

    @Override
    public List<Finding> detect(ScanText text) {
        List<Finding> findings = new ArrayList<>();
        String lower = text.lower();
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            if (term.isEmpty()) {
                continue;
            }
            for (int at : text.occurrences(term)) {
                int end = at + term.length();
                if (wholeWord(lower, at, end)) {
                    Finding f = CandidateJudge.judge(spec, text, at, end, "term '" + originalTerms.get(t) + "'",
                            name -> null, null);
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    private static boolean wholeWord(String s, int start, int end) {
        return !(isAsciiWord(s.charAt(start)) && start > 0 && isAsciiWord(s.charAt(start - 1)))
                && !(isAsciiWord(s.charAt(end - 1)) && end < s.length() && isAsciiWord(s.charAt(end)));
    }

    private static boolean isAsciiWord(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
