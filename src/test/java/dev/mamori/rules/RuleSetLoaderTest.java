package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.DetectionEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule packs are validated on load; every mistake is reported as file:line:col: message, none is skipped. */
class RuleSetLoaderTest {

    @TempDir
    Path dir;

    private RuleSet load(String yaml) throws Exception {
        Path file = dir.resolve("custom.yaml");
        Files.writeString(file, yaml);
        return new RuleSetLoader(Clock.systemUTC()).load(List.of(file));
    }

    private List<String> problems(String yaml) {
        try {
            load(yaml);
        } catch (RuleLoadException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the pack was accepted");
    }

    private static final String HEAD = "pack: custom\nrules:\n";

    @Test
    void aValidCustomRuleWorks() throws Exception {
        RuleSet rules = load(HEAD + """
                  - id: employee-id
                    type: EMPLOYEE_ID
                    patterns: ['EMP-\\d{6}']
                    context: {keywords: [社員番号], confidence: high}
                    samples: {positive: ['社員番号 EMP-123456'], negative: ['EMP-12']}
                """);
        assertThat(SampleCheck.run(rules)).isEmpty();
        assertThat(rules.engine().detect("社員番号 EMP-123456").findings()).singleElement()
                .satisfies(f -> assertThat(f.masked()).isEqualTo("***-******"));
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndASuggestion() {
        assertThat(problems(HEAD + """
                  - id: employee-id
                    type: EMPLOYEE_ID
                    patterns: ['EMP-\\d{6}']
                    context: {keywords: [社員番号], proximty: 20}
                """)).singleElement().asString()
                .endsWith("custom.yaml:6:33: rule 'employee-id': context: unknown key 'proximty' (did you mean 'proximity'?)");
    }

    @Test
    void badRegexUnknownValidatorAndDuplicateIdAreAllReported() {
        List<String> problems = problems(HEAD + """
                  - id: a
                    type: A_TYPE
                    patterns: ['(unclosed']
                  - id: b
                    type: B_TYPE
                    patterns: ['\\d+']
                    validator: luhm
                  - id: a
                    type: A_TYPE
                    patterns: ['x']
                """);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("custom.yaml:5:16: rule 'a': bad regex: Unclosed group");
        assertThat(problems.get(1)).contains("custom.yaml:9:16: rule 'b': unknown validator 'luhm'", "(did you mean 'luhn-card'?)");
        assertThat(problems.get(2)).contains("custom.yaml:10:9: rule 'a': duplicate id (first defined at");
    }

    @Test
    void unknownKindListAndMaskAndMissingFields() {
        List<String> problems = problems(HEAD + """
                  - id: c
                    type: lower_case
                    kind: regexp
                  - id: d
                    type: D_TYPE
                    patterns: ['${prefectur}']
                    mask: phone-ish
                  - type: E_TYPE
                    patterns: ['x']
                """);
        assertThat(problems).anyMatch(p -> p.contains(":4:11: rule 'c': type 'lower_case' must be UPPER_SNAKE_CASE"));
        assertThat(problems).anyMatch(p -> p.contains(":5:11: rule 'c': unknown kind 'regexp' (did you mean 'regex'?)"));
        assertThat(problems).anyMatch(p -> p.contains(":8:16: unknown list '${prefectur}'"));
        assertThat(problems).anyMatch(p -> p.contains(":9:11: rule 'd': unknown mask 'phone-ish'"));
        assertThat(problems).anyMatch(p -> p.contains(":10:5: rule: missing 'id'"));
    }

    @Test
    void brokenYamlIsLocated() {
        assertThat(problems("pack: x\nrules:\n  - id: [unclosed\n")).singleElement().asString()
                .contains("custom.yaml:4:1: not valid YAML");
    }

    @Test
    void samplesThatFailAreProblemsForRulesCheck() throws Exception {
        RuleSet rules = load(HEAD + """
                  - id: order
                    type: ORDER_NO
                    patterns: ['ORD-\\d{4}']
                    samples: {positive: ['ORD-12'], negative: ['ORD-1234']}
                  - id: no-samples
                    type: X_TYPE
                    patterns: ['x']
                """);
        assertThat(SampleCheck.run(rules)).extracting(ConfigProblem::toString)
                .anyMatch(p -> p.contains("custom.yaml:6:") && p.contains("misses its positive sample 'ORD-12'"))
                .anyMatch(p -> p.contains("custom.yaml:6:") && p.contains("fires on its negative sample 'ORD-1234'"))
                .anyMatch(p -> p.contains("rule 'no-samples' has no positive sample"))
                .anyMatch(p -> p.contains("rule 'no-samples' has no negative sample"));
    }

    @Test
    void aCatastrophicAdminRegexCannotHangAScan() throws Exception {
        RuleSet rules = load(HEAD + """
                  - id: evil
                    type: EVIL
                    patterns: ['(a+)+$']
                    budget-ms: 200
                  - id: ok
                    type: PHONE
                    patterns: ['0\\d-\\d{4}-\\d{4}']
                """);
        DetectionEngine engine = rules.engine();
        String text = "a".repeat(5_000) + "! 03-1234-5678";
        long start = System.nanoTime();
        DetectionEngine.Detection result = engine.detect(text);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.warnings()).singleElement().asString().contains("rule 'evil' exceeded its time budget");
        assertThat(result.findings()).extracting(f -> f.type()).containsExactly("PHONE");
    }

    @Test
    void disablingAnUnknownRuleIsAnError() {
        assertThat(problems("pack: x\nexclusions:\n  disable-rules: [jp-phnoe]\n"))
                .singleElement().asString().contains("disable-rules names unknown rule 'jp-phnoe'");
    }

    @Test
    void exclusionsAndDisabledRulesApply() throws Exception {
        Path custom = dir.resolve("z-company.yaml");
        Files.writeString(custom, """
                pack: company
                exclusions:
                  values:
                    - {type: PHONE_NUMBER, value: '03-1111-2222', reason: our switchboard}
                  paths: ['**/archive/**']
                  disable-rules: [jp-phone-plain]
                """);
        RuleSet rules = new RuleSetLoader(Clock.systemUTC()).load(List.of(Path.of("rules"), custom));
        var found = rules.engine().detect("代表 03-1111-2222 / 直通 03-1234-5678").findings();
        assertThat(found).extracting(f -> f.masked()).containsExactly("03-****-5678");
        assertThat(rules.detectors()).noneMatch(d -> d.spec().id().equals("jp-phone-plain"));
        assertThat(rules.pathGlobs()).contains("**/archive/**");
    }
}
