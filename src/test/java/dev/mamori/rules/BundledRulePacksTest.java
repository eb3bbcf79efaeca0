package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
