package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.testing.Documents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a document can be left partly or wholly unread ends in a typed cause, with real files:
 * nesting beyond the depth, too many members, more bytes than the read limit, a corrupt docx, a
 * missing file, image-only PDF pages. (Worker deaths and timeouts: {@link ForkedExtractorTest}.)
 */
class UninspectableTest {

    private static final String ROSTER = "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n鈴木 花子,090-1234-5678\r\n";

    @TempDir
    Path dir;

    private static ExtractionLimits limits(long maxBytes, int maxDepth, int maxMembers) {
        return new ExtractionLimits(maxBytes, 1_000_000, maxDepth, maxMembers, Duration.ofSeconds(30), 256);
    }

    private static ExtractedDocument at(List<ExtractedDocument> docs, String path) {
        return docs.stream().filter(d -> d.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not among " + docs.stream().map(ExtractedDocument::path).toList()));
    }

    @Test
    void aCustomerListSixZipsDeepIsReadWithTheDefaultDepth() throws Exception {
        Path zip = Documents.nestedZip(dir.resolve("l0.zip"), 6, "顧客名簿.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
        List<ExtractedDocument> docs = new TikaExtractor(ExtractionLimits.defaults()).extract(zip, "l0.zip");
        ExtractedDocument leaf = at(docs, "l0.zip!/l1.zip!/l2.zip!/l3.zip!/l4.zip!/l5.zip!/l6.zip!/顧客名簿.csv");
        assertThat(leaf.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(leaf.cause()).isNull();
        assertThat(leaf.text()).contains("03-1234-5678");
        assertThat(ExtractionLimits.defaults().maxDepth()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void nestingBeyondTheDepthIsDepthLimit() throws Exception {
        Path zip = Documents.nestedZip(dir.resolve("l0.zip"), 3, "顧客名簿.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
        List<ExtractedDocument> docs = new TikaExtractor(limits(1L << 30, 2, 100)).extract(zip, "l0.zip");
        ExtractedDocument cut = at(docs, "l0.zip!/l1.zip!/l2.zip!/l3.zip");
        assertThat(cut.cause()).isEqualTo(Uninspectable.DEPTH_LIMIT);
        assertThat(cut.status()).isEqualTo(ExtractionStatus.TRUNCATED);
        assertThat(cut.reason()).contains("--max-depth");
        assertThat(docs).noneMatch(d -> d.text().contains("03-1234-5678"));
    }

    @Test
    void membersBeyondTheLimitAreMemberLimit() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) {
            entries.put("part" + i + ".csv", ROSTER.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = Documents.zip(dir.resolve("many.zip"), entries);
        List<ExtractedDocument> docs = new TikaExtractor(limits(1L << 30, 5, 3)).extract(zip, "many.zip");
        assertThat(docs).filteredOn(d -> d.cause() == Uninspectable.MEMBER_LIMIT).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("--max-members"));
        assertThat(docs).filteredOn(d -> d.cause() == null && d.path().startsWith("many.zip!/")).hasSize(3);
    }

    @Test
    void aFileOverTheByteLimitIsJudgedInPartAndTruncated() throws Exception {
        Path big = Documents.text(dir.resolve("big.csv"), ROSTER.repeat(500), StandardCharsets.UTF_8);
        ExtractedDocument doc = new TikaExtractor(limits(2_000, 5, 100)).extract(big, "big.csv").get(0);
        assertThat(doc.cause()).isEqualTo(Uninspectable.TRUNCATED);
        assertThat(doc.reason()).contains("only the first 2000 of " + Files.size(big) + " bytes read");
        assertThat(doc.text()).contains("03-1234-5678"); // the part read is still there to judge
    }

    @Test
    void aCorruptDocxIsCorrupt() throws Exception {
        Path good = Documents.docx(dir.resolve("good.docx"), List.of("氏名 山田 太郎", "TEL 090-1234-5678"));
        byte[] bytes = Files.readAllBytes(good);
        Path broken = dir.resolve("broken.docx");
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut off in the middle, like a failed copy
        ExtractedDocument doc = new TikaExtractor(ExtractionLimits.defaults()).extract(broken, "broken.docx").get(0);
        assertThat(doc.cause()).isEqualTo(Uninspectable.CORRUPT);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.ERROR);
    }

    @Test
    void aMissingFileIsUnreadable() {
        ExtractedDocument doc = new TikaExtractor(ExtractionLimits.defaults()).extract(dir.resolve("gone.csv"), "gone.csv").get(0);
        assertThat(doc.cause()).isEqualTo(Uninspectable.UNREADABLE);
    }

    @Test
    void imageOnlyPagesMakeThePdfUninspectableButThePhoneOnTheTextPageIsRead() throws Exception {
        Path pdf = Documents.scannedThenTextPdf(dir.resolve("form.pdf"),
                List.of("Name: Taro Yamada", "Tel: 03-1234-5678", "Mail: taro@example.co.jp"));
        ExtractedDocument doc = new TikaExtractor(ExtractionLimits.defaults()).extract(pdf, "form.pdf").get(0);
        assertThat(doc.text()).contains("03-1234-5678", "taro@example.co.jp");
        assertThat(doc.cause()).isEqualTo(Uninspectable.IMAGE_ONLY_PAGES);
        assertThat(doc.reason()).startsWith("1 of 2 pages hold no text");
    }

    @Test
    void withOcrConfiguredImageOnlyPagesAreNotFlagged() throws Exception {
        Path pdf = Documents.scannedThenTextPdf(dir.resolve("form.pdf"), List.of("Tel: 03-1234-5678"));
        Ocr pretend = new Ocr() { // an engine that reads pictures: here it only configures what NONE does
            @Override
            public boolean reads() {
                return true;
            }

            @Override
            public void configure(org.apache.tika.parser.ParseContext context) {
                Ocr.NONE.configure(context);
            }
        };
        ExtractedDocument doc = new TikaExtractor(ExtractionLimits.defaults(), pretend).extract(pdf, "form.pdf").get(0);
        assertThat(doc.cause()).isNull();
        assertThat(doc.text()).contains("03-1234-5678");
    }

    @Test
    void zipEntryNamesWrittenByJapaneseWindowsAreReadAsCp932() throws Exception {
        Path zip = Documents.cp932Zip(dir.resolve("win_made.zip"),
                Map.of("顧客名簿.csv", ROSTER.getBytes(MemberNames.CP932), "資料/見積書.txt", "見積".getBytes(MemberNames.CP932)));
        List<ExtractedDocument> docs = new TikaExtractor(ExtractionLimits.defaults()).extract(zip, "win_made.zip");
        assertThat(docs).as("%s", docs.get(0)).extracting(ExtractedDocument::path).contains("win_made.zip!/顧客名簿.csv", "win_made.zip!/資料/見積書.txt");
        assertThat(at(docs, "win_made.zip!/顧客名簿.csv").text()).contains("03-1234-5678");
    }

    @Test
    void aZipEntryNameInNeitherUtf8NorCp932KeepsItsExtensionForTypeDetection() throws Exception {
        // Latin-1 "café.csv": 0xE9 then '.' is not CP932 either; the content is a Shift_JIS roster
        Path zip = dir.resolve("latin.zip");
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip.toFile())) {
            out.setEncoding("ISO-8859-1");
            out.setUseLanguageEncodingFlag(false);
            out.setCreateUnicodeExtraFields(
                    org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            out.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("café.csv"));
            out.write(ROSTER.getBytes(MemberNames.CP932));
            out.closeArchiveEntry();
        }
        List<ExtractedDocument> docs = new TikaExtractor(ExtractionLimits.defaults()).extract(zip, "latin.zip");
        assertThat(docs).as("%s", docs).anySatisfy(d -> {
            assertThat(d.path()).startsWith("latin.zip!/caf");
            assertThat(d.text()).contains("03-1234-5678");
        });
    }

    @Test
    void aGzipMemberIsNamedFromItsHeaderOrTheOuterName() throws Exception {
        Path named = Documents.gzip(dir.resolve("export.csv.gz"), "顧客名簿_utf8.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
        Path bare = Documents.gzip(dir.resolve("顧客名簿.csv.gz"), null, ROSTER.getBytes(StandardCharsets.UTF_8));
        TikaExtractor tika = new TikaExtractor(ExtractionLimits.defaults());
        assertThat(tika.extract(named, "export.csv.gz")).extracting(ExtractedDocument::path)
                .contains("export.csv.gz!/顧客名簿_utf8.csv");
        assertThat(tika.extract(bare, "顧客名簿.csv.gz")).extracting(ExtractedDocument::path)
                .contains("顧客名簿.csv.gz!/顧客名簿.csv");
    }
}
