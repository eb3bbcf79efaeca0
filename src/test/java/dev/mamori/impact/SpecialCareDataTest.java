package dev.mamori.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.DocumentResult;
import dev.mamori.testing.BundledRules;
import dev.mamori.verdict.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 要配慮個人情報 tied to a person is high and APPI-reportable whatever the count; a diagnosis with
 * nobody's name, or an empty 既往歴 column, is not.
 */
class SpecialCareDataTest {

    private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(BundledRules.get());

    private static DocumentResult judged(String text) {
        return ANALYZER.analyze(new ExtractedDocument("x.txt", ExtractionStatus.OK, null, "text/plain", text));
    }

    @Test
    void aRosterWithADiagnosisColumnIsHighAndReportableForOnePerson() {
        DocumentResult r = judged("氏名\t部署\t既往歴\n山田 太郎\t営業部\t高血圧\n");
        assertThat(r.verdict().severity()).isEqualTo(Severity.HIGH);
        assertThat(r.verdict().flags()).contains("appi-reportable");
        assertThat(r.verdict().policyRules()).contains("special-care-data");
        assertThat(r.verdict().records()).isEqualTo(1);
    }

    @Test
    void aLabelledItemOfAFormTiesItToThePersonOfTheForm() {
        DocumentResult r = judged("健康診断問診票\n氏名：鈴木 花子\n既往歴：糖尿病（2019年～）\n");
        assertThat(r.verdict().policyRules()).contains("special-care-data");
        assertThat(r.verdict().findings()).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(Impact.SPECIAL_CARE_TYPE);
            assertThat(f.samples()).noneMatch(s -> s.contains("糖尿病")); // masked, never shown
        });
    }

    @Test
    void noPersonOrNoValueIsNotSpecialCareData() {
        assertThat(judged("病名：インフルエンザ の流行について（保健所だより）\n").verdict().policyRules())
                .doesNotContain("special-care-data");
        assertThat(judged("氏名\t部署\t既往歴\n山田 太郎\t営業部\tなし\n").verdict().findings())
                .noneMatch(f -> f.type().equals(Impact.SPECIAL_CARE_TYPE));
    }

    @Test
    void impactNamesSpecialCareAsTheCriterionMetForAFewPeople(@TempDir Path dir) throws Exception {
        Path roster = Files.writeString(dir.resolve("障害者雇用台帳.csv"),
                "社員番号,氏名,障害者手帳\n1001,鈴木 花子,精神障害者保健福祉手帳 3級\n1002,山田 太郎,身体障害者手帳 2級\n",
                StandardCharsets.UTF_8);
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults())) {
            Impact impact = new ImpactCounter(BundledRules.get(), extractor).count(List.of(roster), List.of());
            assertThat(impact.specialCare()).isEqualTo(2);
            assertThat(impact.persons()).isEqualTo(2);
            assertThat(impact.judgement()).isEqualTo(Impact.Judgement.REQUIRED);
            assertThat(impact.criteria()).containsExactly(Impact.Criterion.SPECIAL_CARE.label());
        }
    }
}
