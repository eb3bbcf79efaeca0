package dev.mamori.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "＝1+1"})
    void aCellThatWouldBeAFormulaStaysText(String name) throws IOException {
        CSVRecord row = roundTrip(name, 42);
        assertThat(row.get(0)).startsWith("'").endsWith(name.substring(1));
        assertThat(row.get(1)).isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1+1", "\r=1+1"})
    void aLeadingTabOrCarriageReturnIsEscapedSoNoFormulaFollows(String name) throws IOException {
        assertThat(roundTrip(name, 1).get(0)).isEqualTo("\\" + (name.charAt(0) == '\t' ? "t" : "r") + "=1+1");
    }

    @Test
    void ordinaryCellsNumbersAndQuotesAreKept() throws IOException {
        CSVRecord row = roundTrip("/home/taro/顧客, \"リスト\".csv", -1);
        assertThat(row.get(0)).isEqualTo("/home/taro/顧客, \"リスト\".csv");
        assertThat(row.get(1)).isEqualTo("-1");
    }

    @Test
    void aNewlineInANameKeepsTheRecordOnOneLine() throws IOException {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = SafeCsv.forExcel(out, "path", "n")) {
            csv.row("a\nb\u001b[31m.csv", 1);
        }
        assertThat(out.toString()).startsWith("\uFEFF").doesNotContain("\u001b");
        assertThat(out.toString().split("\r\n")).hasSize(2);
    }

    /** Every CSV Mamori writes goes through SafeCsv: no other class may build a CSV printer. */
    @Test
    void noOtherClassWritesCsv() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> others = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("dev/mamori/output/SafeCsv.java")))
                    .filter(p -> read(p).contains("CSVPrinter")).toList();
            assertThat(others).isEmpty();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CSVRecord roundTrip(Object... cells) throws IOException {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = SafeCsv.of(out, "a", "b")) {
            csv.row(cells);
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
