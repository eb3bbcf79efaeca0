package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detector kind {@code regex}: one or more patterns; a named group {@code value} narrows the
 * finding to part of the match (so a pattern can include its label: {@code 個人番号[:：]\s*(?<value>...)}).
 */
public final class RegexDetector implements Detector {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final RuleSpec spec;
    private final List<Pattern> patterns;
    private final List<Set<String>> groupNames;

    public RegexDetector(RuleSpec spec, List<Pattern> patterns) {
        this.spec = spec;
        this.patterns = List.copyOf(patterns);
        this.groupNames = patterns.stream().map(p -> groupNamesOf(p.pattern())).toList();
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
    public List<Finding> detect(ScanText text) {
        List<Finding> findings = new ArrayList<>();
        TimeBoundedText bounded = new TimeBoundedText(text.text(), spec.deadline(), spec.id());
        for (int p = 0; p < patterns.size(); p++) {
            Set<String> names = groupNames.get(p);
            Matcher m = patterns.get(p).matcher(bounded);
            String how = patterns.size() == 1 ? "pattern" : "pattern " + (p + 1);
            while (m.find()) {
                boolean narrowed = names.contains("value") && m.group("value") != null;
                int start = narrowed ? m.start("value") : m.start();
                int end = narrowed ? m.end("value") : m.end();
                if (start == end) {
                    continue;
                }
                Finding f = CandidateJudge.judge(spec, text, start, end, how,
                        name -> names.contains(name) ? m.group(name) : null, null);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }
}
