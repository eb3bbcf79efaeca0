package dev.mamori.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every enabled rule over a text and returns its findings, with overlaps resolved and
 * excluded values removed. One instance serves all threads.
 */
public final class DetectionEngine {

    private final List<Detector> detectors;
    private final ValueExclusions exclusions;
    private final LiteralIndex literals;

    public DetectionEngine(List<Detector> detectors, ValueExclusions exclusions) {
        this.detectors = List.copyOf(detectors);
        this.exclusions = exclusions;
        this.literals = new LiteralIndex(detectors.stream().flatMap(d -> d.literals().stream()).toList());
    }

    public List<Detector> detectors() {
        return detectors;
    }

    /**
     * @param findings what was found, ordered by position
     * @param warnings rules that ran out of their time budget on this text (their findings may be incomplete)
     */
    public record Detection(List<Finding> findings, List<String> warnings) {
    }

    public Detection detect(String original) {
        return detect(ScanText.of(original));
    }

    /** Texts at least this long are split across cores by rule: a 1 MB roster is judged in half the time. */
    static final int PARALLEL_FROM_CHARS = 200_000;

    public Detection detect(ScanText text) {
        text.index(literals); // one pass for every rule's anchors and keywords, before rules share the text
        // results are kept per rule and joined in pack order, so the outcome never depends on timing
        List<List<Finding>> perRule = new ArrayList<>(java.util.Collections.nCopies(detectors.size(), List.of()));
        String[] warnings = new String[detectors.size()];
        var indexes = java.util.stream.IntStream.range(0, detectors.size());
        if (text.length() >= PARALLEL_FROM_CHARS) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> {
            Detector d = detectors.get(i);
            if (!d.spec().mayMatch(text)) {
                return;
            }
            try {
                perRule.set(i, d.detect(text));
            } catch (BudgetExceededException e) {
                warnings[i] = e.getMessage() + " (" + d.spec().budget().toMillis() + " ms); its findings may be incomplete";
            }
        });
        List<Finding> all = new ArrayList<>();
        for (List<Finding> found : perRule) {
            for (Finding f : found) {
                if (!exclusions.excludes(f)) {
                    all.add(f);
                }
            }
        }
        List<String> budgetWarnings = java.util.Arrays.stream(warnings).filter(java.util.Objects::nonNull).toList();
        return new Detection(resolveOverlaps(all), budgetWarnings);
    }

    /**
     * Of overlapping findings of one type the strongest (then longest) wins; a finding lying inside
     * one of another type with at least its confidence is dropped (a "surname" inside an address).
     */
    static List<Finding> resolveOverlaps(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::confidence).reversed()
                .thenComparing(f -> f.end() - f.start(), Comparator.reverseOrder())
                .thenComparingInt(Finding::start));
        // kept findings by start; overlaps of f lie in [f.start - longest, f.end)
        java.util.TreeMap<Integer, List<Finding>> byStart = new java.util.TreeMap<>();
        List<Finding> kept = new ArrayList<>();
        int longest = 0;
        for (Finding f : sorted) {
            boolean drop = false;
            search:
            for (List<Finding> group : byStart.subMap(f.start() - longest, true, f.end(), false).values()) {
                for (Finding k : group) {
                    if (f.overlaps(k) && (f.type().equals(k.type()) || (f.start() >= k.start() && f.end() <= k.end()))) {
                        drop = true;
                        break search;
                    }
                }
            }
            if (!drop) {
                kept.add(f);
                byStart.computeIfAbsent(f.start(), x -> new ArrayList<>(1)).add(f);
                longest = Math.max(longest, f.end() - f.start());
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::type));
        return kept;
    }
}
