package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.testing.Documents;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker-process isolation with real resource exhaustion: a file whose extraction needs more heap
 * than the worker has, and one that takes longer than the wall-time limit. Each costs that file
 * (status error with the reason), never the scan: the next file is extracted by a fresh worker.
 */
class ForkedExtractorTest {

    @TempDir
    static Path dir;
    static Path huge;
    static Path small;

    @BeforeAll
    static void files() throws Exception {
        huge = dir.resolve("huge.txt");
        try (BufferedWriter w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            String line = "顧客番号 000123 山田 太郎 東京都千代田区丸の内1-2-3 03-1234-5678 ".repeat(4) + "\n";
            for (int i = 0; i < 120_000; i++) { // ~40 MB of text
                w.write(line);
            }
        }
        small = Documents.text(dir.resolve("small.txt"), "電話 03-1234-5678\n", StandardCharsets.UTF_8);
    }

    @Test
    void aParserThatExhaustsTheWorkerHeapCostsOnlyItsFile() {
        var limits = new ExtractionLimits(1L << 30, 30_000_000, 5, 100, Duration.ofSeconds(120), 64);
        try (ForkedExtractor extractor = new ForkedExtractor(limits)) {
            ExtractedDocument doc = extractor.extract(huge, "huge.txt").get(0);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.ERROR);
            assertThat(doc.reason()).contains("out of memory").contains("64 MB");

            ExtractedDocument next = extractor.extract(small, "small.txt").get(0);
            assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(next.text()).contains("03-1234-5678");
        }
    }

    @Test
    void aParserThatOverrunsTheWallTimeIsStopped() {
        var limits = new ExtractionLimits(1L << 30, 30_000_000, 5, 100, Duration.ofMillis(200), 1024);
        long start = System.nanoTime();
        try (ForkedExtractor extractor = new ForkedExtractor(limits)) {
            List<ExtractedDocument> docs = extractor.extract(huge, "huge.txt");
            assertThat(docs).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(ExtractionStatus.ERROR);
                assertThat(d.reason()).startsWith("timed out");
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void workersExtractLikeTheInProcessExtractor() throws Exception {
        Path docx = Documents.docx(dir.resolve("r.docx"), List.of("氏名 山田 太郎", "TEL 090-1234-5678"));
        try (ForkedExtractor forked = new ForkedExtractor(ExtractionLimits.defaults())) {
            assertThat(forked.extract(docx, "r.docx"))
                    .isEqualTo(new TikaExtractor(ExtractionLimits.defaults()).extract(docx, "r.docx"));
        }
    }
}
