package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.agent.Agent;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.testing.Documents;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.testing.TestAgents;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pipeline: the same tree, every format of the test corpus (Shift_JIS CSV, xlsx, docx, an
 * encrypted docx, a password zip, mail with attachments, a PDF with text, a scanned page then
 * text, zips nested and with CP932 names, gzip, plain text), judged by {@code scan} and by the
 * agent (both with worker processes, as users run them) gives the same result for every document:
 * status, verdict, records and each finding.
 */
class ScanAndAgentAgreeTest {

    @TempDir
    Path dir;

    @Test
    void everyDocumentGetsTheSameResultFromScanAndFromTheAgent() throws Exception {
        Path tree = dir.resolve("tree");
        RealisticCorpus.writeTo(tree);
        byte[] list = "氏名,電話番号,メール\n山田 太郎,090-1234-5678,taro@example.co.jp\n鈴木 花子,080-2345-6789,hanako@example.jp\n"
                .getBytes(StandardCharsets.UTF_8);
        Documents.pdf(tree.resolve("報告書.pdf"), List.of("Customer: Taro Yamada", "TEL 090-1234-5678", "taro@example.co.jp"), null);
        Documents.scannedThenTextPdf(tree.resolve("申込書スキャン.pdf"), List.of("Mobile 080-2345-6789", "hanako@example.jp"));
        Documents.encryptedDocx(tree.resolve("給与明細.docx"), List.of("個人番号: 1234 5678 9018"), "secret");
        Documents.nestedZip(tree.resolve("転送.zip"), 3, "名簿.csv", list);
        Documents.cp932Zip(tree.resolve("win_made.zip"), Map.of("顧客名簿.csv", list));
        Documents.gzip(tree.resolve("export.csv.gz"), "顧客.csv", list);
        Documents.zip(tree.resolve("まとめ.zip"), Map.of("a/名簿.csv", list, "b/メモ.txt",
                "来週の会議は火曜日です。".getBytes(StandardCharsets.UTF_8)));
        Documents.text(tree.resolve("sjis_メモ.txt"), "担当: 高橋 さくら 電話 03-1234-5678", Charset.forName("windows-31j"));
        long files;
        try (Stream<Path> all = Files.walk(tree)) {
            files = all.filter(Files::isRegularFile).count();
        }

        ScanCommandTest.Run scan = ScanCommandTest.mamori("scan", "--format", "jsonl", tree.toString());
        assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
        Map<String, JsonNode> byScan = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : scan.out().lines().toList()) {
            JsonNode doc = json.readTree(line);
            byScan.put(doc.path("path").asText(), comparable(doc));
        }

        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false}
                """.formatted(data, tree));
        try (Agent agent = TestAgents.started(dir, config, "pc")) {
            agent.awaitChecked(files, Duration.ofSeconds(180));
        }
        Map<String, JsonNode> byAgent = new TreeMap<>();
        for (FileState f : StateStore.readAll(data.resolve("state"))) {
            for (JsonNode doc : json.readTree(f.resultsJson())) {
                byAgent.put(doc.path("path").asText(), comparable(doc));
            }
        }

        assertThat(byScan).as("documents judged").hasSizeGreaterThan((int) files);
        assertThat(byAgent.keySet()).isEqualTo(byScan.keySet());
        byScan.forEach((path, doc) -> assertThat(byAgent.get(path)).as(path).isEqualTo(doc));
        System.out.printf("scan and agent agree on %d documents of %d files%n", byScan.size(), files);
        assertThat(byScan.values()).extracting(d -> d.path("status").asText())
                .as("the corpus reaches the statuses that matter").contains("ok", "encrypted");
    }

    /** What must agree: everything but timings and the words of a reason. */
    private static JsonNode comparable(JsonNode doc) {
        ObjectNode o = ((ObjectNode) doc).deepCopy();
        o.remove("millis");
        o.remove("elapsedMs");
        return o;
    }
}
