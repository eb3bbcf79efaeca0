package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detector kind {@code regex}: one or more patterns; a named group {@code value} narrows the
 * finding to part of the match (so a pattern can include its label: {@code 個人番号[:：]\s*(?<value>...)}).
 *
 * <p>With anchors (strings every match must contain, such as the digits of a phone number), the
 * patterns run only in windows around the anchors' occurrences: a regex engine visits every
 * position of a text, and most text in business files holds no digit or {@code @} at all.
 */
public final class RegexDetector implements Detector {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final RuleSpec spec;
    private final List<Pattern> patterns;
    private final List<Set<String>> groupNames;
    private final Anchors anchors;
    private final boolean anchorsAtStart;

    /**
     * @param anchors        strings every match contains, and the longest match as the window;
     *                       patterns run only within the windows
     * @param anchorsAtStart every match starts with an anchor (a phone number with a digit, an address
     *                       with a prefecture): patterns are then tried only where an anchor stands,
     *                       and never inside a run of digits
     */
    public RegexDetector(RuleSpec spec, List<Pattern> patterns, Anchors anchors, boolean anchorsAtStart) {
        this.spec = spec;
        this.patterns = List.copyOf(patterns);
        this.groupNames = patterns.stream().map(p -> groupNamesOf(p.pattern())).toList();
        this.anchors = anchors;
        this.anchorsAtStart = anchorsAtStart && !anchors.isEverywhere();
    }

    static Set<String> groupNamesOf(String regex) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public RuleSpec spec() {
        return spec;
    }

    @Override
    public Set<String> literals() {
        Set<String> all = new java.util.HashSet<>(spec.literals());
        all.addAll(anchors.strings());
        return all;
    }

    @Override
    public List<Finding> detect(ScanText text) {
        List<Finding> findings = new ArrayList<>();
        TimeBoundedText bounded = new TimeBoundedText(text.text(), spec.deadline(text.length()), spec.id());
        if (anchorsAtStart) {
            java.util.BitSet starts = anchors.hits(text);
            for (int p = 0; p < patterns.size(); p++) {
                matchAtStarts(text, bounded, p, starts, findings);
            }
            return findings;
        }
        int[] regions = anchors.regions(text);
        for (int p = 0; p < patterns.size(); p++) {
            Set<String> names = groupNames.get(p);
            Matcher m = patterns.get(p).matcher(bounded);
            m.useTransparentBounds(true); // lookarounds see past a region's edges
            m.useAnchoringBounds(false); // ^ and $ mean real line starts and ends
            String how = patterns.size() == 1 ? "pattern" : "pattern " + (p + 1);
            for (int r = 0; r < regions.length; r += 2) {
                m.region(regions[r], regions[r + 1]);
                findAll(text, m, names, how, findings);
            }
        }
        return findings;
    }

    /** Tries the pattern only at anchor positions (lookingAt), skipping past each match. */
    private void matchAtStarts(ScanText text, TimeBoundedText bounded, int p, java.util.BitSet starts,
                               List<Finding> findings) {
        Set<String> names = groupNames.get(p);
        Matcher m = patterns.get(p).matcher(bounded);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        String how = patterns.size() == 1 ? "pattern" : "pattern " + (p + 1);
        int length = text.text().length();
        String normalized = text.text();
        int at = starts.nextSetBit(0);
        while (at >= 0) {
            if (at > 0 && isDigit(normalized.charAt(at)) && isDigit(normalized.charAt(at - 1))) {
                at = starts.nextSetBit(at + 1); // inside a run of digits: a number starts at its first digit
                continue;
            }
            m.region(at, Math.min(length, at + anchors.window()));
            int next = at + 1;
            if (m.lookingAt()) {
                Finding f = toFinding(text, m, names, how);
                if (f != null) {
                    findings.add(f);
                }
                next = Math.max(next, m.end());
            }
            at = starts.nextSetBit(next);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Finding toFinding(ScanText text, Matcher m, Set<String> names, String how) {
        boolean narrowed = names.contains("value") && m.group("value") != null;
        int start = narrowed ? m.start("value") : m.start();
        int end = narrowed ? m.end("value") : m.end();
        if (start == end) {
            return null;
        }
        boolean labelled = narrowed && m.start() < start && text.layout().lineOf(m.start()) == text.layout().lineOf(start);
        return CandidateJudge.judge(spec, text, start, end, how, name -> names.contains(name) ? m.group(name) : null, null,
                labelled);
    }

    private void findAll(ScanText text, Matcher m, Set<String> names, String how, List<Finding> findings) {
        while (m.find()) {
            Finding f = toFinding(text, m, names, how);
            if (f != null) {
                findings.add(f);
            }
        }
    }
}
