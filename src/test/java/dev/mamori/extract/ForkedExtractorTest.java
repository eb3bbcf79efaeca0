package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mamori.testing.Documents;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static Path hog;
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
        hog = Documents.heapHog(dir.resolve("hog.docx"));
        small = Documents.text(dir.resolve("small.txt"), "電話 03-1234-5678\n", StandardCharsets.UTF_8);
    }

    @Test
    void aParserThatExhaustsTheWorkerHeapCostsOnlyItsFile() {
        var limits = new ExtractionLimits(1L << 30, 30_000_000, 5, 100, Duration.ofSeconds(120), 64);
        try (ForkedExtractor extractor = new ForkedExtractor(limits)) {
            ExtractedDocument doc = extractor.extract(hog, "hog.docx").get(0);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.ERROR);
            assertThat(doc.cause()).isEqualTo(Uninspectable.WORKER_OUT_OF_MEMORY);
            assertThat(doc.reason()).contains("out of memory").contains("64 MB");

            ExtractedDocument next = extractor.extract(small, "small.txt").get(0);
            assertThat(next.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(next.text()).contains("03-1234-5678");
        }
    }

    @Test
    void anIdleWorkerStopsAndTheNextFileStartsAFreshOneTransparently() {
        try (ForkedExtractor extractor = new ForkedExtractor(ExtractionLimits.defaults(), Duration.ofMillis(300))) {
            assertThat(extractor.workersRunning()).as("no worker before the first file").isZero();
            assertThat(extractor.extract(small, "small.txt").get(0).text()).contains("03-1234-5678");
            List<Long> pids = extractor.workerPids();
            assertThat(pids).hasSize(1);
            long pid = pids.get(0);

            // the process itself ends, not only the bookkeeping
            await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    alive -> !alive);
            assertThat(extractor.workersRunning()).isZero();

            ExtractedDocument again = extractor.extract(small, "small.txt").get(0);
            assertThat(again.status()).isEqualTo(ExtractionStatus.OK);
            assertThat(again.text()).contains("03-1234-5678");
            assertThat(extractor.workersStarted()).isEqualTo(2);
            assertThat(extractor.workerPids()).doesNotContain(pid);
        }
    }

    @Test
    void aWorkerInUseIsNotStoppedByAnEarlierIdleTimer() {
        try (ForkedExtractor extractor = new ForkedExtractor(ExtractionLimits.defaults(), Duration.ofSeconds(2))) {
            extractor.extract(small, "small.txt");
            long pid = extractor.workerPids().get(0);
            // files keep arriving faster than the idle period: the same worker serves them all
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < until) {
                assertThat(extractor.extract(small, "small.txt").get(0).status()).isEqualTo(ExtractionStatus.OK);
            }
            assertThat(extractor.workerPids()).containsExactly(pid);
            assertThat(extractor.workersStarted()).isEqualTo(1);
        }
    }

    @Test
    void aCrashAfterAnIdleStopIsStillThatFilesOutcome() {
        var limits = new ExtractionLimits(1L << 30, 30_000_000, 5, 100, Duration.ofSeconds(120), 64);
        try (ForkedExtractor extractor = new ForkedExtractor(limits, Duration.ofMillis(300))) {
            extractor.extract(small, "small.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> extractor.workersRunning() == 0);
            ExtractedDocument doc = extractor.extract(hog, "hog.docx").get(0);
            assertThat(doc.status()).isEqualTo(ExtractionStatus.ERROR);
            assertThat(doc.cause()).isEqualTo(Uninspectable.WORKER_OUT_OF_MEMORY);
            assertThat(extractor.extract(small, "small.txt").get(0).status()).isEqualTo(ExtractionStatus.OK);
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
                assertThat(d.cause()).isEqualTo(Uninspectable.TIMEOUT);
                assertThat(d.reason()).startsWith("timed out");
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aMemberThatExhaustsTheWorkerCostsOnlyThatMemberAndTheOthersAreStillRead() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("dump.docx", Files.readAllBytes(hog));
        entries.put("顧客名簿.csv", "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n".getBytes(StandardCharsets.UTF_8));
        Path zip = Documents.zip(dir.resolve("export.zip"), entries);
        var limits = new ExtractionLimits(1L << 30, 30_000_000, 5, 100, Duration.ofSeconds(120), 64);
        try (ForkedExtractor extractor = new ForkedExtractor(limits)) {
            List<ExtractedDocument> docs = extractor.extract(zip, "export.zip");
            assertThat(docs).extracting(ExtractedDocument::path)
                    .containsExactly("export.zip", "export.zip!/dump.docx", "export.zip!/顧客名簿.csv");
            assertThat(docs.get(1).cause()).isEqualTo(Uninspectable.WORKER_OUT_OF_MEMORY);
            assertThat(docs.get(2).cause()).isNull();
            assertThat(docs.get(2).text()).contains("03-1234-5678");
            assertThat(docs.get(0).cause()).isNull();
        }
    }

    @Test
    void aTimeoutKeepsTheMembersFinishedBeforeIt() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("顧客名簿.csv", "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] dump = Files.readAllBytes(huge);
        for (int i = 1; i <= 4; i++) { // 160 MB of text: far more than a second's parsing
            entries.put("dump" + i + ".txt", dump);
        }
        Path zip = Documents.zip(dir.resolve("slow.zip"), entries);
        var limits = new ExtractionLimits(1L << 30, 200_000_000, 5, 100, Duration.ofSeconds(1), 1024);
        try (ForkedExtractor extractor = new ForkedExtractor(limits)) {
            List<ExtractedDocument> docs = extractor.extract(zip, "slow.zip");
            assertThat(docs.get(0).path()).isEqualTo("slow.zip");
            assertThat(docs.get(0).cause()).isEqualTo(Uninspectable.TIMEOUT);
            assertThat(docs.get(0).reason()).contains("while reading slow.zip!/dump");
            assertThat(docs.get(1).path()).isEqualTo("slow.zip!/顧客名簿.csv");
            assertThat(docs.get(1).text()).contains("03-1234-5678");
            assertThat(docs.subList(2, docs.size())).isNotEmpty()
                    .allSatisfy(d -> assertThat(d.path()).startsWith("slow.zip!/dump"))
                    .anySatisfy(d -> assertThat(d.cause()).isEqualTo(Uninspectable.TIMEOUT));
        }
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
