package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;
import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.report.Messages;
import dev.mamori.verdict.DocumentFacts;
import dev.mamori.verdict.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The meta-test: every bundled pack loads, and every rule passes its own samples. */
class BundledRulePacksTest {

    static RuleSet bundled() throws Exception {
        return new RuleSetLoader(Clock.systemUTC()).load(List.of(Path.of("rules")));
    }

    @Test
    void everyBundledRuleFindsItsPositivesAndIgnoresItsNegatives() throws Exception {
        RuleSet rules = bundled();
        assertThat(rules.detectors()).hasSizeGreaterThan(10);
        assertThat(SampleCheck.run(rules)).extracting(ConfigProblem::toString).isEmpty();
    }

    @Test
    void bundledPacksOnTheClassPathMatchTheRulesFolder() throws Exception {
        RuleSet fromJar = new RuleSetLoader(Clock.systemUTC()).loadBundled();
        assertThat(fromJar.detectors()).extracting(d -> d.spec().id())
                .containsExactlyElementsOf(bundled().detectors().stream().map(d -> d.spec().id()).toList());
    }

    @Test
    void everyTypeTheBundledPacksReportHasAReportLabelInBothLanguages() throws Exception {
        for (String lang : List.of("ja", "en")) {
            Messages m = Messages.of(lang);
            List<String> types = bundled().detectors().stream().map(d -> d.spec().type()).distinct().toList();
            assertThat(types).allSatisfy(type -> assertThat(m.label("type", type)).as(lang + " label of " + type).isNotEqualTo(type));
        }
    }

    /** One finding of a type at medium confidence, judged by the bundled policy alone. */
    @ParameterizedTest
    @CsvSource({"JAPAN_INDIVIDUAL_NUMBER, HIGH", "JAPAN_PASSPORT, HIGH", "JAPAN_BANK_ACCOUNT, HIGH",
            "CREDIT_CARD_NUMBER, HIGH", "PHONE_NUMBER, NONE", "JAPAN_CORPORATE_NUMBER, NONE",
            "JAPAN_DRIVERS_LICENSE_NUMBER, HIGH", "JAPAN_RESIDENCE_CARD_NUMBER, HIGH", "JAPAN_BASIC_PENSION_NUMBER, HIGH",
            "JAPAN_HEALTH_INSURANCE_NUMBER, HIGH"})
    void oneFindingOfATypeGetsThePolicysSeverity(String type, Severity expected) throws Exception {
        Finding one = new Finding(type, "r", 0, 9, Confidence.MEDIUM, "x", "*", List.of());
        var outcome = bundled().policy().judge(new DocumentFacts(ExtractionStatus.OK, null, List.of(one), 0));
        assertThat(outcome.severity()).isEqualTo(expected);
    }
}
