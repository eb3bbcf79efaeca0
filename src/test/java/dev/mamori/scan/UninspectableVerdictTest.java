package dev.mamori.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.extract.Uninspectable;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.Documents;
import dev.mamori.verdict.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled policy turns every cause of "not fully read" into the uninspectable verdict (medium,
 * flag {@code uninspectable}, the cause named in the reason and the JSON), and what was read is
 * still judged: nothing unread counts as clean.
 */
class UninspectableVerdictTest {

    private static final String ROSTER = "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n鈴木 花子,090-1234-5678\r\n";

    @TempDir
    static Path dir;
    static Map<String, DocumentResult> byName;
    static ScanSummary summary;

    @BeforeAll
    static void scan() throws Exception {
        Path root = Files.createDirectories(dir.resolve("files"));
        Documents.nestedZip(root.resolve("deep.zip"), 3, "顧客名簿.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
        Documents.text(root.resolve("big.csv"), ROSTER.repeat(200), StandardCharsets.UTF_8);
        byte[] docx = Files.readAllBytes(Documents.docx(dir.resolve("good.docx"), List.of("氏名 山田 太郎")));
        Files.write(root.resolve("broken.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));
        Documents.scannedThenTextPdf(root.resolve("申込書.pdf"), List.of("Tel: 03-1234-5678"));
        Documents.text(root.resolve("memo.txt"), "会議は木曜日です。\n", StandardCharsets.UTF_8);
        var limits = new ExtractionLimits(4_000, 1_000_000, 2, 100, Duration.ofSeconds(30), 256);
        List<DocumentResult> all = new ArrayList<>();
        try (Scanner scanner = new Scanner(BundledRules.get(), new TikaExtractor(limits), 1, BundledRules.CLOCK)) {
            summary = scanner.scan(List.of(root), all::add, (d, t) -> { }, -1);
        }
        byName = all.stream().collect(Collectors.toMap(r -> root.relativize(Path.of(r.path().split("!/")[0]))
                + (r.path().contains("!/") ? "!/" + r.path().split("!/", 2)[1] : ""), r -> r));
    }

    private static void uninspectable(String name, Uninspectable cause) {
        assertThat(byName).containsKey(name);
        DocumentResult r = byName.get(name);
        assertThat(r.verdict().uninspectable()).as(name).isEqualTo(cause);
        assertThat(r.verdict().severity()).as(name).isGreaterThanOrEqualTo(Severity.MEDIUM);
        assertThat(r.verdict().flags()).as(name).contains("uninspectable");
        assertThat(r.verdict().policyRules()).as(name).contains("uninspectable");
        // as the text output shows it: [status: reason], the reason led by the cause unless the status already names it
        assertThat(r.status().label() + ": " + r.reason()).as(name).containsPattern("^(\\w+: )?" + cause.label() + ": ");
        JsonNode json = ResultJson.toJson(r);
        assertThat(json.path("uninspectable").asText()).isEqualTo(cause.label());
        assertThat(ResultJson.fromJson(json).verdict().uninspectable()).isEqualTo(cause);
    }

    @Test
    void nestingBeyondTheDepth() {
        uninspectable("deep.zip!/l1.zip!/l2.zip!/l3.zip", Uninspectable.DEPTH_LIMIT);
    }

    @Test
    void aFileOverTheByteLimitIsUninspectableAndWhatWasReadIsJudged() {
        uninspectable("big.csv", Uninspectable.TRUNCATED);
        assertThat(byName.get("big.csv").verdict().severity()).isEqualTo(Severity.HIGH); // the part read holds bulk records
        assertThat(byName.get("big.csv").verdict().records()).isPositive();
        assertThat(byName.get("big.csv").verdict().findings()).anyMatch(f -> f.type().equals("PHONE_NUMBER"));
    }

    @Test
    void aCorruptDocx() {
        uninspectable("broken.docx", Uninspectable.CORRUPT);
    }

    @Test
    void aScannedPageWithoutOcrAndThePhoneOnTheTypedPageIsFound() {
        uninspectable("申込書.pdf", Uninspectable.IMAGE_ONLY_PAGES);
        assertThat(byName.get("申込書.pdf").verdict().findings()).anyMatch(f -> f.type().equals("PHONE_NUMBER"));
    }

    @Test
    void aFileReadCompletelyHasNoCause() {
        DocumentResult memo = byName.get("memo.txt");
        assertThat(memo.verdict().uninspectable()).isNull();
        assertThat(memo.verdict().severity()).isEqualTo(Severity.NONE);
        assertThat(ResultJson.toJson(memo).has("uninspectable")).isFalse();
    }

    @Test
    void theSummaryCountsEachCause() {
        assertThat(summary.uninspectableByCause()).containsEntry(Uninspectable.DEPTH_LIMIT, 1)
                .containsEntry(Uninspectable.TRUNCATED, 1).containsEntry(Uninspectable.CORRUPT, 1)
                .containsEntry(Uninspectable.IMAGE_ONLY_PAGES, 1);
        assertThat(summary.uninspectable()).isEqualTo(4);
    }
}
