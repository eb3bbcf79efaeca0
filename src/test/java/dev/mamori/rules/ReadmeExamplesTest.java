package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import dev.mamori.config.ConfigProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule pack the README teaches with loads, passes its samples, and finds what the README says. */
class ReadmeExamplesTest {

    @TempDir
    Path dir;

    static String yamlBlockStartingWith(String firstLine) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```yaml\n" + firstLine);
        assertThat(start).as("README block starting with %s", firstLine).isNotNegative();
        start += "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theEmployeeIdPackWorksAlongsideTheBundledPacks() throws Exception {
        Path pack = dir.resolve("my-rules.yaml");
        Files.writeString(pack, yamlBlockStartingWith("# my-rules.yaml"));
        RuleSet rules = new RuleSetLoader(Clock.systemUTC()).load(List.of(Path.of("rules"), pack));
        assertThat(SampleCheck.run(rules)).extracting(ConfigProblem::toString).isEmpty();
        assertThat(rules.engine().detect("社員番号: EMP-123456").findings())
                .filteredOn(f -> f.type().equals("EMPLOYEE_ID")).singleElement()
                .satisfies(f -> assertThat(f.masked()).isEqualTo("***-**3456"));
        assertThat(rules.engine().detect("社員番号: ＥＭＰ－１２３４５６").findings()) // evidence stays full width
                .filteredOn(f -> f.type().equals("EMPLOYEE_ID")).singleElement()
                .satisfies(f -> assertThat(f.masked()).isEqualTo("***－**３４５６"));
        assertThat(rules.policy().rules()).anyMatch(r -> r.id().equals("employee-ids"));
    }

    @Test
    void theKeywordExclusionAndThresholdExampleWorks() throws Exception {
        Path pack = dir.resolve("company-extras.yaml");
        Files.writeString(pack, yamlBlockStartingWith("# company-extras.yaml"));
        RuleSet rules = new RuleSetLoader(Clock.systemUTC()).load(List.of(Path.of("rules"), pack));
        assertThat(SampleCheck.run(rules)).extracting(ConfigProblem::toString).isEmpty();
        var found = rules.engine().detect("はやぶさ計画 TEL 03-5555-0100 / 直通 03-5555-0199").findings();
        assertThat(found).extracting(f -> f.type()).containsExactly("PROJECT_CODENAME", "PHONE_NUMBER");
        assertThat(found.get(1).masked()).isEqualTo("03-****-0199"); // the switchboard is excluded, the other is not
        assertThat(rules.pathGlobs()).contains("**/test-data/**");
        var judge = new dev.mamori.scan.DocumentAnalyzer(rules);
        var roster = judge.analyze(new dev.mamori.extract.ExtractedDocument("r.csv", dev.mamori.extract.ExtractionStatus.OK,
                null, "text/csv", "氏名,電話番号\n山田 太郎,090-1111-2222\n鈴木 花子,090-3333-4444\n佐藤 一郎,090-5555-6666\n"));
        assertThat(roster.verdict().records()).isEqualTo(3);
        assertThat(roster.verdict().policyRules()).contains("many-customers");
        assertThat(roster.verdict().severity()).isEqualTo(dev.mamori.verdict.Severity.HIGH);
    }

    @Test
    void theMisspeltKeyExampleGivesTheDocumentedMessage() throws Exception {
        Path pack = dir.resolve("my-rules.yaml");
        Files.writeString(pack, yamlBlockStartingWith("# my-rules.yaml").replace("proximity: 20", "proximty: 20"));
        try {
            new RuleSetLoader(Clock.systemUTC()).load(List.of(Path.of("rules"), pack));
            throw new AssertionError("accepted");
        } catch (RuleLoadException e) {
            assertThat(e.problems()).singleElement().asString()
                    .endsWith("my-rules.yaml:18:7: rule 'emp-id': context: unknown key 'proximty' (did you mean 'proximity'?)");
        }
    }
}
