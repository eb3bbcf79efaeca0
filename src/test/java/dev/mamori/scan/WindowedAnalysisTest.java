package dev.mamori.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.bench.CorpusGenerator;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.testing.BundledRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long text judged in windows gets the verdict the whole text gets: the same counts, records,
 * samples and severity, whatever falls on a window boundary.
 */
class WindowedAnalysisTest {

    private static final DocumentAnalyzer WHOLE = new DocumentAnalyzer(BundledRules.get(), 64 << 20);

    private static DocumentResult judged(String text, int windowChars) {
        DocumentAnalyzer analyzer = new DocumentAnalyzer(BundledRules.get(), windowChars);
        return analyzer.analyze(new ExtractedDocument("x.txt", ExtractionStatus.OK, null, "text/plain", text));
    }

    static Stream<Arguments> texts() {
        CorpusGenerator gen = new CorpusGenerator(7);
        CorpusGenerator rows = new CorpusGenerator(11);
        String mixed = gen.text(300_000);
        // a roster: its header lies in the first window only, its rows in all of them
        String table;
        try {
            Path tmp = Files.createTempFile("roster", ".csv");
            rows.customerList(tmp, 400_000);
            table = Files.readString(tmp);
            Files.delete(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Stream.of(
                Arguments.of("mixed prose, signatures and rows", mixed, 9_000),
                Arguments.of("mixed, larger windows", mixed, 60_000),
                Arguments.of("a customer list", table, 9_000),
                Arguments.of("a customer list, odd window", table, 33_333),
                Arguments.of("a list after prose", mixed.substring(0, 50_000) + "\n" + table, 12_345));
    }

    @ParameterizedTest(name = "{0}, windows of {2}")
    @MethodSource("texts")
    void aTextJudgedInWindowsGetsTheWholeTextsVerdict(String what, String text, int windowChars) {
        DocumentResult whole = judged(text, 64 << 20);
        DocumentResult windowed = judged(text, windowChars);
        assertThat(whole.verdict().records()).as("the case must hold records").isGreaterThan(10);
        assertThat(ResultJson.toJson(windowed)).isEqualTo(ResultJson.toJson(whole));
    }

    @Test
    void aWholeTextIsOneWindow(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("list.csv");
        long rows = new CorpusGenerator(3).customerList(list, 200_000);
        DocumentResult r = WHOLE.analyze(new ExtractedDocument("list.csv", ExtractionStatus.OK, null, "text/csv",
                Files.readString(list)));
        assertThat(r.verdict().records()).isEqualTo((int) rows);
    }
}
