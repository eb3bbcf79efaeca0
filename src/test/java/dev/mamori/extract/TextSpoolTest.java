package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document's text held in memory while small, spooled beyond, and read back whole by either side of a worker. */
class TextSpoolTest {

    private static final String LINE = "山田 太郎,090-1234-5678,\uD842\uDFB7野家\n"; // a surrogate pair on every line

    private static String text(long chars) {
        return LINE.repeat((int) (chars / LINE.length() + 1));
    }

    @Test
    void aSmallTextStaysInMemory() throws IOException {
        TextSpool spool = TextSpool.budget().spool();
        spool.write("氏名,電話番号\n");
        DocumentText t = spool.finish();
        assertThat(t.isSpooled()).isFalse();
        assertThat(t.asString()).isEqualTo("氏名,電話番号\n");
        assertThat(t.isBlank()).isFalse();
    }

    @Test
    void aLargeTextIsSpooledToAFileWithoutANameAndReadBackWhole() throws IOException {
        String big = text(TextSpool.FILE_MEMORY_CHARS + 100_000);
        TextSpool spool = TextSpool.budget().spool();
        for (int i = 0; i < big.length(); i += 7_777) {
            spool.write(big, i, Math.min(7_777, big.length() - i)); // pieces that split surrogate pairs
        }
        try (DocumentText t = spool.finish()) {
            assertThat(t.isSpooled()).isTrue();
            assertThat(t.length()).isEqualTo(big.length());
            assertThat(t.asString()).isEqualTo(big);
            assertThat(t.asString()).as("read again").isEqualTo(big);
            assertThat(t.toString()).doesNotContain("山田");
            // delete-on-close unlinked it at once: nobody can open it by name
            try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("mamori-text-"));
            }
        }
    }

    @Test
    void theDocumentsOfOneFileShareOneMemoryAllowance() throws IOException {
        TextSpool.Budget budget = TextSpool.budget();
        String third = text(TextSpool.FILE_MEMORY_CHARS / 3);
        int spooled = 0;
        for (int i = 0; i < 5; i++) {
            TextSpool spool = budget.spool();
            spool.write(third);
            try (DocumentText t = spool.finish()) {
                spooled += t.isSpooled() ? 1 : 0;
                assertThat(t.asString()).isEqualTo(third);
            }
        }
        assertThat(spooled).as("the members after the allowance is spent").isEqualTo(3);
    }

    @Test
    void aWhitespaceOnlyTextIsBlankEvenSpooled() throws IOException {
        TextSpool spool = TextSpool.budget().spool();
        spool.write(" \n\t".repeat((int) TextSpool.FILE_MEMORY_CHARS));
        try (DocumentText t = spool.finish()) {
            assertThat(t.isSpooled()).isTrue();
            assertThat(t.isBlank()).isTrue();
        }
    }

    @Test
    void aTextTooLargeToHoldCrossesFromTheWorkerInPiecesAndArrivesWhole(@TempDir Path dir) throws IOException {
        String big = text(TextSpool.FILE_MEMORY_CHARS + 3 * WorkerProtocol.TEXT_PIECE + 12_345);
        Path file = dir.resolve("名簿.txt");
        Files.writeString(file, big, StandardCharsets.UTF_8);
        List<ExtractedDocument> inProcess = new TikaExtractor(ExtractionLimits.defaults()).extract(file, "名簿.txt");
        try (ForkedExtractor extractor = new ForkedExtractor(ExtractionLimits.defaults(), Duration.ofSeconds(5))) {
            List<ExtractedDocument> docs = extractor.extract(file, "名簿.txt");
            try {
                assertThat(docs).hasSize(1);
                ExtractedDocument doc = docs.get(0);
                assertThat(doc.status()).isEqualTo(ExtractionStatus.OK);
                assertThat(doc.content().isSpooled()).isTrue();
                assertThat(doc.content().length()).isGreaterThanOrEqualTo(big.length())
                        .isEqualTo(inProcess.get(0).content().length());
                assertThat(doc.text()).isEqualTo(inProcess.get(0).text());
            } finally {
                ExtractedDocument.closeAll(docs);
                ExtractedDocument.closeAll(inProcess);
            }
        }
    }
}
