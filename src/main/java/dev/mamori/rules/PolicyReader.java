package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;
import dev.mamori.config.YamlMap;
import dev.mamori.detect.Confidence;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import dev.mamori.verdict.Policy;
import dev.mamori.verdict.PolicyRule;
import dev.mamori.verdict.RecordSettings;
import dev.mamori.verdict.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The packs' {@code policy} rules (severity, conditions, flags) and {@code records} settings, read
 * with every problem located: an unknown status or cause, a duplicate id, a severity that is none of
 * the four.
 */
final class PolicyReader {

    private final List<ConfigProblem> problems;
    private final List<PolicyRule> policy = new ArrayList<>();
    private final Set<String> policyIds = new HashSet<>();

    PolicyReader(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    Policy policy() {
        return new Policy(policy);
    }

    /** A pack's {@code records} settings. */
    RecordSettings records(YamlMap rec) {
        rec.allowOnly(RuleSetLoader.RECORD_KEYS, "records");
        RecordSettings d = RecordSettings.defaults();
        List<String> companions = rec.strings("companions");
        return new RecordSettings(rec.string("name-type", d.nameType()),
                companions.isEmpty() ? d.companionTypes() : new LinkedHashSet<>(companions),
                rec.integer("window", d.window(), 1, 100_000),
                RuleSetLoader.confidence(rec, "min-confidence", d.minConfidence(), "records"));
    }

    /** One policy rule. */
    void add(YamlMap p) {
        p.allowOnly(RuleSetLoader.POLICY_KEYS, "policy rule");
        String id = p.required("id", "policy rule");
        String what = id == null ? "policy rule" : "policy rule '" + id + "'";
        if (id != null && !policyIds.add(id)) {
            p.problem("id", what + ": duplicate id");
        }
        String sevText = p.required("severity", what);
        Severity severity = sevText == null ? null : Severity.parse(sevText);
        if (sevText != null && severity == null) {
            p.problem("severity", what + ": severity must be none, low, medium or high, not '" + sevText + "'");
        }
        YamlMap when = p.map("when");
        if (when == null) {
            p.problem(p.self(), what + ": missing 'when'");
            return;
        }
        when.allowOnly(RuleSetLoader.WHEN_KEYS, what + ": when");
        Set<ExtractionStatus> statuses = new HashSet<>();
        for (String s : when.strings("status")) {
            ExtractionStatus st = ExtractionStatus.parse(s);
            if (st == null) {
                when.problem("status", what + ": unknown status '" + s + "' (ok, truncated, encrypted, error, skipped)");
            } else {
                statuses.add(st);
            }
        }
        Set<Uninspectable> causes = EnumSet.noneOf(Uninspectable.class);
        for (String c : when.strings("uninspectable")) {
            Uninspectable u = Uninspectable.parse(c);
            if ("any".equalsIgnoreCase(c)) {
                causes.addAll(EnumSet.allOf(Uninspectable.class));
            } else if (u == null) {
                List<String> known = new ArrayList<>(List.of("any"));
                EnumSet.allOf(Uninspectable.class).forEach(x -> known.add(x.label()));
                when.problem("uninspectable", what + ": unknown cause '" + c + "'" + RuleSetLoader.suggestion(c, known)
                        + " (" + String.join(", ", known) + ")");
            } else {
                causes.add(u);
            }
        }
        Set<String> types = new HashSet<>(when.strings("type"));
        int minRecords = when.integer("min-records", 0, 0, Integer.MAX_VALUE);
        int minCount = when.integer("min-count",
                types.isEmpty() && (minRecords > 0 || !statuses.isEmpty() || !causes.isEmpty()) ? 0 : 1,
                0, Integer.MAX_VALUE);
        Confidence minConfidence = RuleSetLoader.confidence(when, "min-confidence", Confidence.LOW, what);
        if (id != null && severity != null) {
            policy.add(new PolicyRule(id, severity,
                    new PolicyRule.Condition(types, minCount, minConfidence, minRecords, statuses, causes),
                    new LinkedHashSet<>(p.strings("flags")), p.string("description", "")));
        }
    }
}
