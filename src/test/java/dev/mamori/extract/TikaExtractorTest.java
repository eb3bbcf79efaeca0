package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.testing.Documents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Extraction of real files written by real libraries: formats, encodings, archives, encryption, limits. */
class TikaExtractorTest {

    private static final String ROSTER = "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n鈴木 花子,090-1234-5678\r\n";

    @TempDir
    Path dir;

    private final TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());

    private List<ExtractedDocument> extract(Path file) {
        return extractor.extract(file, file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Shift_JIS", "windows-31j", "EUC-JP", "ISO-2022-JP", "UTF-8", "UTF-16"})
    void japaneseEncodingsComeOutReadable(String charset) throws Exception {
        Path csv = Documents.text(dir.resolve("roster.csv"), ROSTER, Charset.forName(charset));
        ExtractedDocument doc = extract(csv).get(0);
        assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
        assertThat(doc.text()).contains("山田 太郎", "鈴木 花子", "090-1234-5678");
    }

    @Test
    void officeDocumentsAndPdf() throws Exception {
        Path docx = Documents.docx(dir.resolve("resume.docx"), List.of("履歴書", "氏名　山田 太郎"));
        Path xlsx = Documents.xlsx(dir.resolve("list.xlsx"), List.of(List.of("氏名", "電話"), List.of("鈴木 花子", "03-1234-5678")));
        Path pdf = Documents.pdf(dir.resolve("letter.pdf"), List.of("Name: John Smith", "Tel: 03-1234-5678"), null);
        assertThat(extract(docx).get(0).text()).contains("山田 太郎");
        assertThat(extract(xlsx).get(0).text()).contains("鈴木 花子\t03-1234-5678");
        assertThat(extract(pdf).get(0).text()).contains("John Smith", "03-1234-5678");
    }

    @Test
    void archiveMembersAreReportedWithNestedPaths() throws Exception {
        byte[] csv = ROSTER.getBytes(Charset.forName("Shift_JIS"));
        Path inner = Documents.zip(dir.resolve("inner.zip"), Map.of("dir/c.csv", csv));
        Path outer = Documents.zip(dir.resolve("a.zip"), Map.of("b.zip", Files.readAllBytes(inner),
                "notes.txt", "社外秘".getBytes(StandardCharsets.UTF_8)));
        List<ExtractedDocument> docs = extract(outer);
        assertThat(docs).extracting(ExtractedDocument::path)
                .contains("a.zip", "a.zip!/b.zip!/dir/c.csv", "a.zip!/notes.txt");
        assertThat(docs.stream().filter(d -> d.path().endsWith("c.csv")).findFirst().orElseThrow().text())
                .contains("山田 太郎");
    }

    @Test
    void passwordProtectedFilesAreEncryptedNeverClean() throws Exception {
        Map<String, byte[]> content = Map.of("list.csv", ROSTER.getBytes(Charset.forName("Shift_JIS")));
        Path zip = Documents.encryptedZip(dir.resolve("ppap.zip"), content, "secret");
        Path docx = Documents.encryptedDocx(dir.resolve("locked.docx"), List.of("社外秘"), "secret");
        Path pdf = Documents.pdf(dir.resolve("locked.pdf"), List.of("Name: John Smith"), "secret");
        for (Path p : List.of(zip, docx, pdf)) {
            ExtractedDocument doc = extract(p).get(0);
            assertThat(doc.status()).as(p.getFileName().toString()).isEqualTo(ExtractionStatus.ENCRYPTED);
            assertThat(doc.reason()).contains("password");
        }
    }

    @Test
    void aPasswordZipAttachedToMailIsReportedAsEncryptedMember() throws Exception {
        Path zip = Documents.encryptedZip(dir.resolve("p.zip"), Map.of("list.csv", ROSTER.getBytes(StandardCharsets.UTF_8)), "pw");
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        attachments.put("見積書.zip", Files.readAllBytes(zip));
        Path eml = Documents.eml(dir.resolve("mail.eml"), "taro@example.jp", "hanako@example.co.jp", "見積書送付",
                "山田様\nいつもお世話になっております。パスワードは別途お送りします。", attachments);
        List<ExtractedDocument> docs = extract(eml);
        assertThat(docs.get(0).text()).contains("山田様", "taro@example.jp", "hanako@example.co.jp");
        assertThat(docs).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("mail.eml!/見積書.zip");
            assertThat(d.status()).isEqualTo(ExtractionStatus.ENCRYPTED);
        });
    }

    @Test
    void corruptAndEmptyFilesGetAStatusNotAnException() throws Exception {
        Path corrupt = dir.resolve("broken.docx");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8});
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        ExtractedDocument broken = extract(corrupt).get(0);
        assertThat(broken.status()).isEqualTo(ExtractionStatus.ERROR);
        assertThat(broken.reason()).isNotBlank();
        assertThat(extract(empty).get(0).status()).isEqualTo(ExtractionStatus.OK);
        assertThat(extractor.extract(dir.resolve("missing.txt"), "missing.txt").get(0).status())
                .isEqualTo(ExtractionStatus.ERROR);
    }

    @Test
    void limitsTruncateWithAReason() throws Exception {
        Path big = Documents.text(dir.resolve("big.csv"), ROSTER.repeat(2_000), StandardCharsets.UTF_8);
        var limits = new ExtractionLimits(10_000, 1_000, 1, 100, Duration.ofSeconds(30), 256);
        TikaExtractor limited = new TikaExtractor(limits);
        ExtractedDocument byChars = new TikaExtractor(new ExtractionLimits(1L << 30, 1_000, 1, 100,
                Duration.ofSeconds(30), 256)).extract(big, "big.csv").get(0);
        assertThat(byChars.status()).isEqualTo(ExtractionStatus.TRUNCATED);
        assertThat(byChars.reason()).contains("character limit");
        assertThat(byChars.text().length()).isLessThanOrEqualTo(1_000);

        ExtractedDocument byBytes = limited.extract(big, "big.csv").get(0);
        assertThat(byBytes.status()).isEqualTo(ExtractionStatus.TRUNCATED);
        assertThat(byBytes.reason()).contains("bytes");

        Path inner = Documents.zip(dir.resolve("inner.zip"), Map.of("c.csv", ROSTER.getBytes(StandardCharsets.UTF_8)));
        Path outer = Documents.zip(dir.resolve("outer.zip"), Map.of("inner.zip", Files.readAllBytes(inner)));
        List<ExtractedDocument> nested = limited.extract(outer, "outer.zip");
        assertThat(nested).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("outer.zip!/inner.zip!/c.csv");
            assertThat(d.status()).isEqualTo(ExtractionStatus.TRUNCATED);
            assertThat(d.reason()).contains("nesting");
        });
    }
}
