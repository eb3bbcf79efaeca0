package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.testing.BundledRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where spreadsheets keep confidential markings besides cells, in workbooks written by POI as Excel
 * writes them: the page header and footer, the sheet's name, a cell's comment.
 */
class SpreadsheetMarkingsTest {

    @TempDir
    Path dir;

    private static String text(Path file) {
        var docs = new TikaExtractor(ExtractionLimits.defaults()).extract(file, file.getFileName().toString());
        try {
            return docs.get(0).text();
        } finally {
            ExtractedDocument.closeAll(docs);
        }
    }

    private static boolean marked(Path file) {
        var docs = new TikaExtractor(ExtractionLimits.defaults()).extract(file, file.getFileName().toString());
        return new DocumentAnalyzer(BundledRules.get()).judgeAll(docs).get(0).verdict().policyRules().contains("confidential-marking");
    }

    @Test
    void anOldXlsHeaderReadsAsItsWordsWithoutTheFormatCodes() throws Exception {
        Path xls = dir.resolve("名簿.xls");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(xls)) {
            var sheet = wb.createSheet("名簿");
            sheet.getHeader().setCenter("極秘");
            sheet.getFooter().setRight("R&D部 &P ページ");
            sheet.createRow(0).createCell(0).setCellValue("氏名");
            wb.write(out);
        }
        String text = text(xls);
        assertThat(text).contains("極秘").doesNotContain("&C", "&L", "&R");
        assertThat(marked(xls)).as("a header marking is a marking").isTrue();
    }

    @Test
    void anXlsxSheetNameHeaderAndCommentAreRead() throws Exception {
        Path xlsx = dir.resolve("book.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(xlsx)) {
            var sheet = wb.createSheet("顧客一覧（社外秘）");
            sheet.getFooter().setRight("取扱注意");
            var cell = sheet.createRow(0).createCell(0);
            cell.setCellValue("氏名");
            var comment = sheet.createDrawingPatriarch().createCellComment(wb.getCreationHelper().createClientAnchor());
            comment.setString(wb.getCreationHelper().createRichTextString("連絡先 090-1234-5678"));
            cell.setCellComment(comment);
            wb.write(out);
        }
        assertThat(text(xlsx)).contains("顧客一覧（社外秘）", "取扱注意", "090-1234-5678");
        assertThat(marked(xlsx)).isTrue();
    }

    @Test
    void anOpenDocumentSheetKeepsItsRowsAndItsComments() throws Exception {
        Path ods = dir.resolve("送付リスト.ods");
        var sheet = new com.github.miachm.sods.Sheet("送付先", 3, 2);
        sheet.getRange(0, 0).setValue("宛名");
        sheet.getRange(0, 1).setValue("電話");
        sheet.getRange(1, 0).setValue("山田 太郎 様");
        sheet.getRange(1, 1).setValue("090-1234-5678");
        sheet.getRange(2, 0).setValue("佐藤 花子 様");
        sheet.getRange(2, 1).setValue("03-2345-6789");
        var note = new com.github.miachm.sods.OfficeAnnotationBuilder();
        note.setMsg("極秘");
        sheet.getRange(2, 1).setAnnotation(note.build());
        var book = new com.github.miachm.sods.SpreadSheet();
        book.appendSheet(sheet);
        book.save(ods.toFile());

        assertThat(text(ods).lines().map(String::strip).filter(l -> !l.isEmpty()))
                .as("one line per row, cells tab-separated, the comment in its cell")
                .containsExactly("宛名\t電話", "山田 太郎 様\t090-1234-5678", "佐藤 花子 様\t03-2345-6789 極秘");
        var docs = new TikaExtractor(ExtractionLimits.defaults()).extract(ods, ods.getFileName().toString());
        var judged = new DocumentAnalyzer(BundledRules.get()).judgeAll(docs).get(0);
        assertThat(judged.verdict().records()).as("a roster of two").isEqualTo(2);
        assertThat(judged.verdict().policyRules()).contains("confidential-marking");
    }

    @Test
    void codesAreStrippedOnHeaderLinesOnly() {
        String stripped = ExcelHeaderCodes.strip("A&B 社\n&L&\"Arial,Bold\"&12社外秘&C&P / &N&R&D\n");
        assertThat(stripped).startsWith("A&B 社\n").endsWith("\n"); // a line that is not a header keeps its &
        assertThat(stripped.lines().toList().get(1).replaceAll("\\s+", " ")).isEqualTo("社外秘 /");
        assertThat(ExcelHeaderCodes.strip("&CR&&D部")).isEqualTo("R&D部");
    }
}
