package dev.mamori.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The severity policy: every rule that holds contributes its severity (the highest wins) and flags. */
public record Policy(List<PolicyRule> rules) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /** The severity, the ids of the rules that held, and their flags. */
    public record Outcome(Severity severity, List<String> ruleIds, Set<String> flags) {
    }

    public Outcome judge(DocumentFacts facts) {
        Severity severity = Severity.NONE;
        List<String> ids = new ArrayList<>();
        Set<String> flags = new TreeSet<>();
        for (PolicyRule rule : rules) {
            if (rule.when().holds(facts)) {
                ids.add(rule.id());
                flags.addAll(rule.flags());
                if (rule.severity().compareTo(severity) > 0) {
                    severity = rule.severity();
                }
            }
        }
        return new Outcome(severity, ids, flags);
    }
}
