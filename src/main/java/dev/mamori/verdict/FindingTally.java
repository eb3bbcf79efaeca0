package dev.mamori.verdict;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The findings of one document summed up as they arrive, window after window, in the order of their
 * position: per rule how many, the strongest and why, a few distinct masked samples; per type how
 * many at each confidence. Keeps no raw value, and its size depends on the rules, not on the text,
 * so a 100 MB customer list is summed up in the same memory as a page. Not thread-safe.
 */
public final class FindingTally {

    private static final class Group {
        Finding strongest;
        int count;
        final Set<String> samples = new LinkedHashSet<>();

        Group(Finding first) {
            this.strongest = first;
        }
    }

    /** By type, then rule: the order summaries are shown in. */
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, long[]> byTypeAndConfidence = new TreeMap<>();

    public static FindingTally of(List<Finding> findings) {
        FindingTally tally = new FindingTally();
        findings.forEach(tally::add);
        return tally;
    }

    /** Adds one finding; findings are added in the order of their position in the document. */
    public void add(Finding f) {
        Group g = groups.computeIfAbsent(f.type() + "\u0000" + f.ruleId(), k -> new Group(f));
        g.count++;
        if (f.confidence().compareTo(g.strongest.confidence()) > 0) {
            g.strongest = f; // the first of the strongest: ties keep the earlier one
        }
        if (g.samples.size() < FindingSummary.MAX_SAMPLES) {
            g.samples.add(f.masked());
        }
        byTypeAndConfidence.computeIfAbsent(f.type(), t -> new long[Confidence.values().length])[f.confidence().ordinal()]++;
    }

    /** Findings of the given types (any type when empty) at {@code min} confidence or more. */
    public long count(Set<String> types, Confidence min) {
        long n = 0;
        for (var e : byTypeAndConfidence.entrySet()) {
            if (types.isEmpty() || types.contains(e.getKey())) {
                for (int c = min.ordinal(); c < e.getValue().length; c++) {
                    n += e.getValue()[c];
                }
            }
        }
        return n;
    }

    /** One summary per (type, rule), ordered by type then rule. */
    public List<FindingSummary> summaries() {
        List<FindingSummary> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(new FindingSummary(g.strongest.type(), g.strongest.ruleId(), g.count, g.strongest.confidence(),
                    new ArrayList<>(g.samples), g.strongest.explanation()));
        }
        return out;
    }
}
