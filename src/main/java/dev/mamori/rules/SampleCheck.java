package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every rule against its own samples: each rule must have at least one positive and one
 * negative sample, find every positive (at the stated confidence or more) and stay silent on every
 * negative. The test suite runs this over the bundled packs; {@code mamori rules check} over an
 * admin's. Problems never quote a sample's digits beyond what the pack file already shows.
 */
public final class SampleCheck {

    private SampleCheck() {
    }

    public static List<ConfigProblem> run(RuleSet rules) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Detector> byId = rules.detectors().stream()
                .collect(Collectors.toMap(d -> d.spec().id(), Function.identity()));
        Map<String, List<RuleSample>> samplesByRule = rules.samples().stream()
                .collect(Collectors.groupingBy(RuleSample::ruleId));
        for (Detector d : rules.detectors()) {
            List<RuleSample> samples = samplesByRule.getOrDefault(d.spec().id(), List.of());
            if (samples.stream().noneMatch(RuleSample::positive)) {
                problems.add(new ConfigProblem(origin(rules, d), 0, 0,
                        "rule '" + d.spec().id() + "' has no positive sample", false));
            }
            if (samples.stream().noneMatch(s -> !s.positive())) {
                problems.add(new ConfigProblem(origin(rules, d), 0, 0,
                        "rule '" + d.spec().id() + "' has no negative sample", false));
            }
        }
        for (RuleSample s : rules.samples()) {
            Detector d = byId.get(s.ruleId());
            if (d == null) {
                continue; // disabled rule
            }
            List<Finding> found = d.detect(ScanText.of(s.text()));
            String quoted = "'" + s.text().replace("\n", "\\n") + "'";
            if (s.positive()) {
                if (found.isEmpty()) {
                    problems.add(new ConfigProblem(s.file(), s.line(), 1,
                            "rule '" + s.ruleId() + "' misses its positive sample " + quoted, false));
                } else if (s.confidence() != null && found.stream().noneMatch(f -> f.confidence().atLeast(s.confidence()))) {
                    problems.add(new ConfigProblem(s.file(), s.line(), 1, "rule '" + s.ruleId() + "' finds " + quoted
                            + " only at " + found.get(0).confidence().label() + ", expected " + s.confidence().label()
                            + " (" + String.join("; ", found.get(0).explanation()) + ")", false));
                }
            } else if (!found.isEmpty()) {
                problems.add(new ConfigProblem(s.file(), s.line(), 1, "rule '" + s.ruleId() + "' fires on its negative sample "
                        + quoted + " (" + String.join("; ", found.get(0).explanation()) + ")", false));
            }
        }
        return problems;
    }

    /**
     * Positive samples that rules of another type also match, overlapping the same characters: the
     * two types compete for the same values (a warning, not an error: "Taro Yamada 090-..." may
     * rightly hold a name and a phone number side by side, but not in the same span).
     */
    public static List<ConfigProblem> overlappingTypes(RuleSet rules) {
        List<ConfigProblem> warnings = new ArrayList<>();
        for (RuleSample s : rules.samples()) {
            if (!s.positive()) {
                continue;
            }
            ScanText text = ScanText.of(s.text());
            List<Finding> own = new ArrayList<>();
            List<Finding> others = new ArrayList<>();
            for (Detector d : rules.detectors()) {
                for (Finding f : d.detect(text)) {
                    (d.spec().id().equals(s.ruleId()) ? own : others).add(f);
                }
            }
            for (Finding o : others) {
                if (!o.type().equals(s.type()) && own.stream().anyMatch(f -> f.overlaps(o))) {
                    warnings.add(new ConfigProblem(s.file(), s.line(), 1, "rule '" + s.ruleId() + "' (" + s.type()
                            + ") and rule '" + o.ruleId() + "' (" + o.type() + ") both match the same part of sample '"
                            + s.text().replace("\n", "\\n") + "'", true));
                    break;
                }
            }
        }
        return warnings;
    }

    private static String origin(RuleSet rules, Detector d) {
        return rules.samples().stream().filter(s -> s.ruleId().equals(d.spec().id())).map(RuleSample::file)
                .findFirst().orElse("rule '" + d.spec().id() + "'");
    }
}
