package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
