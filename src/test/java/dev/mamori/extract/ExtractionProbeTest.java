package dev.mamori.extract;

import dev.mamori.testing.Documents;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionProbeTest {
    @TempDir Path dir;

    @Test
    void probe() throws Exception {
        var x = new TikaExtractor(ExtractionLimits.defaults());
        byte[] csv = "氏名,電話番号\n山田 太郎,03-1234-5678\n".getBytes(Charset.forName("Shift_JIS"));
        Documents.text(dir.resolve("a.csv"), "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n鈴木 花子,090-1234-5678\r\n", Charset.forName("windows-31j"));
        Documents.xlsx(dir.resolve("b.xlsx"), List.of(List.of("氏名", "電話"), List.of("山田 太郎", "03-1234-5678"), List.of("", "x")));
        Documents.docx(dir.resolve("c.docx"), List.of("社外秘", "氏名：山田 太郎"));
        Documents.encryptedZip(dir.resolve("d.zip"), Map.of("list.csv", csv), "pw");
        Documents.zip(dir.resolve("inner.zip"), Map.of("dir/c.csv", csv));
        Documents.zip(dir.resolve("e.zip"), Map.of("x/inner.zip", Files.readAllBytes(dir.resolve("inner.zip"))));
        Documents.encryptedDocx(dir.resolve("f.docx"), List.of("secret"), "pw");
        Documents.pdf(dir.resolve("g.pdf"), List.of("Name: John Smith"), "pw");
        Documents.eml(dir.resolve("h.eml"), "taro@example.jp", "hanako@example.com", "見積", "山田様\nお世話になっております。", Map.of("p.zip", Files.readAllBytes(dir.resolve("d.zip"))));
        Documents.text(dir.resolve("i.txt"), "生年月日 昭和60年4月12日\n", Charset.forName("EUC-JP"));
        Documents.text(dir.resolve("j.txt"), "件名 ご案内\n山田様 電話 03-1234-5678 生年月日\n", Charset.forName("ISO-2022-JP"));
        for (String f : List.of("a.csv", "b.xlsx", "c.docx", "d.zip", "e.zip", "f.docx", "g.pdf", "h.eml", "i.txt", "j.txt")) {
            for (ExtractedDocument d : x.extract(dir.resolve(f), f)) {
                System.out.println(d.path() + " | " + d.status() + " | " + d.reason() + " | " + d.contentType() + " | " + d.text().replace("\n", "\\n").replace("\t", "\\t"));
            }
        }
    }
}
