package dev.mamori.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The severity policy: every rule that holds adds its severity (the highest wins) and its flags. */
class PolicyTest {

    private static PolicyRule rule(String id, Severity s, PolicyRule.Condition when, String... flags) {
        return new PolicyRule(id, s, when, Set.of(flags), "");
    }

    private static PolicyRule.Condition types(Set<String> types, int minCount, Confidence min) {
        return new PolicyRule.Condition(types, minCount, min, 0, Set.of(), Set.of());
    }

    private static final Policy POLICY = new Policy(List.of(
            rule("phones", Severity.MEDIUM, types(Set.of("PHONE_NUMBER"), 3, Confidence.MEDIUM)),
            rule("any-card", Severity.HIGH, types(Set.of("CREDIT_CARD_NUMBER"), 1, Confidence.MEDIUM), "appi-reportable"),
            rule("records", Severity.HIGH, new PolicyRule.Condition(Set.of(), 0, Confidence.LOW, 10, Set.of(), Set.of()), "bulk"),
            rule("encrypted", Severity.MEDIUM, new PolicyRule.Condition(Set.of(), 0, Confidence.LOW, 0, Set.of(),
                    Set.of(Uninspectable.ENCRYPTED)), "uninspectable")));

    private static Finding f(String type, Confidence c) {
        return new Finding(type, "r", 0, 1, c, "v", "*", List.of());
    }

    private static Policy.Outcome judge(ExtractionStatus status, Uninspectable cause, List<Finding> findings, int records) {
        return POLICY.judge(new DocumentFacts(status, cause, findings, records));
    }

    @Test
    void aCountHoldsOnlyAtItsConfidence() {
        List<Finding> three = List.of(f("PHONE_NUMBER", Confidence.HIGH), f("PHONE_NUMBER", Confidence.MEDIUM),
                f("PHONE_NUMBER", Confidence.LOW));
        assertThat(judge(ExtractionStatus.OK, null, three, 0).severity()).as("two at medium or more").isEqualTo(Severity.NONE);
        List<Finding> enough = List.of(f("PHONE_NUMBER", Confidence.HIGH), f("PHONE_NUMBER", Confidence.MEDIUM),
                f("PHONE_NUMBER", Confidence.MEDIUM));
        assertThat(judge(ExtractionStatus.OK, null, enough, 0).ruleIds()).containsExactly("phones");
    }

    @Test
    void theHighestSeverityWinsAndEveryHoldingRulesFlagsAreKept() {
        var out = judge(ExtractionStatus.OK, null, List.of(f("CREDIT_CARD_NUMBER", Confidence.HIGH)), 12);
        assertThat(out.severity()).isEqualTo(Severity.HIGH);
        assertThat(out.ruleIds()).containsExactly("any-card", "records");
        assertThat(out.flags()).containsExactly("appi-reportable", "bulk"); // sorted
    }

    @Test
    void anUninspectableConditionHoldsOnlyForItsCause() {
        assertThat(judge(ExtractionStatus.ENCRYPTED, Uninspectable.ENCRYPTED, List.of(), 0).ruleIds()).containsExactly("encrypted");
        assertThat(judge(ExtractionStatus.ERROR, Uninspectable.CORRUPT, List.of(), 0).ruleIds()).isEmpty();
        assertThat(judge(ExtractionStatus.OK, null, List.of(), 0).severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void theTallyAndTheListGiveTheSameCounts() {
        List<Finding> findings = List.of(f("PHONE_NUMBER", Confidence.HIGH), f("EMAIL_ADDRESS", Confidence.LOW),
                f("PHONE_NUMBER", Confidence.MEDIUM));
        FindingTally tally = FindingTally.of(findings);
        assertThat(tally.count(Set.of(), Confidence.LOW)).isEqualTo(3);
        assertThat(tally.count(Set.of("PHONE_NUMBER"), Confidence.HIGH)).isEqualTo(1);
        assertThat(tally.count(Set.of("PHONE_NUMBER", "EMAIL_ADDRESS"), Confidence.MEDIUM)).isEqualTo(2);
        assertThat(tally.summaries()).extracting(FindingSummary::type).containsExactly("EMAIL_ADDRESS", "PHONE_NUMBER");
        assertThat(tally.summaries().get(1).confidence()).isEqualTo(Confidence.HIGH);
    }
}
