package dev.mamori.verdict;

import dev.mamori.extract.Uninspectable;
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
 * @param uninspectable why the document was not fully read (null when it was): such a document is
 *                     never clean, whatever its severity; the findings are those of the part read
 */
public record Verdict(Severity severity, int records, List<FindingSummary> findings, List<String> policyRules,
                      Set<String> flags, Uninspectable uninspectable) {

    public Verdict(Severity severity, int records, List<FindingSummary> findings, List<String> policyRules,
                   Set<String> flags) {
        this(severity, records, findings, policyRules, flags, null);
    }

    public Verdict {
        findings = List.copyOf(findings);
        policyRules = List.copyOf(policyRules);
        flags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(flags)); // sorted: order reaches output
    }

    public static Verdict none() {
        return new Verdict(Severity.NONE, 0, List.of(), List.of(), Set.of());
    }
}
