package dev.mamori.verdict;

import java.util.List;
import java.util.Set;

/**
 * What a document holds and how serious it is.
 *
 * @param severity     from the policy
 * @param records      personal records (one person's name with address/phone/birth date)
 * @param findings     per-rule summaries with masked samples
 * @param policyRules  ids of the policy rules that held
 * @param flags        e.g. {@code appi-reportable}
 */
public record Verdict(Severity severity, int records, List<FindingSummary> findings, List<String> policyRules,
                      Set<String> flags) {

    public Verdict {
        findings = List.copyOf(findings);
        policyRules = List.copyOf(policyRules);
        flags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(flags)); // sorted: order reaches output
    }

    public static Verdict none() {
        return new Verdict(Severity.NONE, 0, List.of(), List.of(), Set.of());
    }
}
