package dev.mamori.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan of realistic business files: what each document holds and how serious it is. */
class ScannerTest {

    @TempDir
    static Path dir;
    static Map<String, DocumentResult> results;
    static ScanSummary summary;

    @BeforeAll
    static void scan() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(dir.resolve("corpus"));
        List<DocumentResult> all = new ArrayList<>();
        try (Scanner scanner = new Scanner(BundledRules.get(), new TikaExtractor(ExtractionLimits.defaults()), 2,
                BundledRules.CLOCK)) {
            summary = scanner.scan(List.of(corpus.root()), all::add, (d, t) -> { }, -1);
        }
        results = all.stream().collect(Collectors.toMap(r -> dir.resolve("corpus").relativize(Path.of(r.path().split("!/")[0]))
                + (r.path().contains("!/") ? "!/" + r.path().split("!/", 2)[1] : ""), Function.identity()));
    }

    private static DocumentResult result(String name) {
        assertThat(results).containsKey(name);
        return results.get(name);
    }

    private static Map<String, Integer> counts(DocumentResult r) {
        return r.verdict().findings().stream().collect(Collectors.toMap(FindingSummary::type, FindingSummary::count, Integer::sum));
    }

    @Test
    void customerListIsBulkPersonalData() {
        DocumentResult r = result("顧客リスト_202611.csv");
        assertThat(r.verdict().severity()).isEqualTo(Severity.HIGH);
        assertThat(r.verdict().records()).isEqualTo(25);
        assertThat(r.verdict().policyRules()).contains("bulk-personal-data");
        assertThat(counts(r)).containsEntry("PHONE_NUMBER", 25).containsEntry("EMAIL_ADDRESS", 25)
                .containsEntry("DATE_OF_BIRTH", 25);
    }

    @Test
    void aRosterOfMoreThan1000PersonsIsReportableUnderAppi() {
        DocumentResult r = result("会員名簿.xlsx");
        assertThat(r.verdict().records()).isEqualTo(1_050);
        assertThat(r.verdict().flags()).contains("appi-reportable");
        assertThat(r.verdict().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aResumeIsOnePersonsRecord() {
        DocumentResult r = result("履歴書_高橋さくら.docx");
        assertThat(r.verdict().records()).isEqualTo(1);
        assertThat(r.verdict().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(counts(r)).containsKeys("PERSON_NAME", "DATE_OF_BIRTH", "STREET_ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS");
    }

    @Test
    void myNumbersMakeADocumentHigh() {
        DocumentResult r = result("入社手続き_マイナンバー提出.txt");
        assertThat(counts(r)).containsEntry("JAPAN_INDIVIDUAL_NUMBER", 2);
        assertThat(r.verdict().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aConfidentialSpecIsMedium() {
        DocumentResult r = result("製品仕様書_v2.docx");
        assertThat(counts(r)).containsKey("CONFIDENTIAL_MARKER");
        assertThat(r.verdict().severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void thePasswordZipInAMailCannotBeInspectedAndIsNotClean() {
        DocumentResult zip = result("見積書送付.eml!/顧客一覧.zip");
        assertThat(zip.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        assertThat(zip.verdict().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(zip.verdict().flags()).contains("uninspectable");
    }

    @Test
    void anInvoiceCarriesACorporateNumberAndACompanyAddress() {
        DocumentResult r = result("請求書_2026-11.txt");
        assertThat(counts(r)).containsEntry("JAPAN_CORPORATE_NUMBER", 1).containsKey("STREET_ADDRESS");
        assertThat(r.verdict().records()).isZero();
    }

    @Test
    void aNewsArticleAboutALeakComesOutClean() {
        DocumentResult r = result("ニュース_情報流出.txt");
        assertThat(r.verdict().severity()).isEqualTo(Severity.NONE);
        assertThat(counts(r)).doesNotContainKeys("DATE_OF_BIRTH", "PHONE_NUMBER", "STREET_ADDRESS");
    }

    @Test
    void aNovelFullOfNamesIsNotACustomerList() {
        DocumentResult r = result("小説_夜明けの駅.txt");
        assertThat(r.verdict().severity()).isEqualTo(Severity.NONE);
        assertThat(r.verdict().records()).isZero();
    }

    @Test
    void theSummaryAddsUp() {
        assertThat(summary.files()).isEqualTo(9);
        assertThat(summary.documents()).isEqualTo(results.size());
        assertThat(summary.count(ExtractionStatus.ENCRYPTED)).isEqualTo(1);
        assertThat(summary.sensitive()).isTrue();
        assertThat(summary.reportable()).isEqualTo(1);
    }
}
