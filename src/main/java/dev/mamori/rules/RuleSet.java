package dev.mamori.rules;

import dev.mamori.detect.DetectionEngine;
import dev.mamori.detect.Detector;
import dev.mamori.detect.ValueExclusions;
import dev.mamori.verdict.Policy;
import dev.mamori.verdict.RecordSettings;
import java.util.List;

/**
 * Everything the loaded rule packs configure, validated and compiled. Immutable and thread-safe.
 *
 * @param packs          "name version (file)" of each pack, for reports
 * @param detectors      enabled rules, in pack order
 * @param values         excluded values
 * @param pathGlobs      excluded paths (glob syntax)
 * @param policy         severity policy
 * @param records        how records are counted
 * @param samples        every rule's samples, for {@link SampleCheck}
 */
public record RuleSet(List<String> packs, List<Detector> detectors, ValueExclusions values, List<String> pathGlobs,
                      Policy policy, RecordSettings records, List<RuleSample> samples) {

    public RuleSet {
        packs = List.copyOf(packs);
        detectors = List.copyOf(detectors);
        pathGlobs = List.copyOf(pathGlobs);
        samples = List.copyOf(samples);
    }

    /** "name version" of each pack, without where it was read from: what an alert records. */
    public List<String> packVersions() {
        return packs.stream().map(p -> p.replaceFirst(" \\(.*\\)$", "")).toList();
    }

    /** The same rules, recording one more source among the packs (e.g. "rules-bundle 2026.12.2 (https://…)"). */
    public RuleSet withSource(String nameVersionOrigin) {
        List<String> more = new java.util.ArrayList<>(packs);
        more.add(nameVersionOrigin);
        return new RuleSet(more, detectors, values, pathGlobs, policy, records, samples);
    }

    public DetectionEngine engine() {
        return new DetectionEngine(detectors, values);
    }
}
