package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.detect.Canonical;
import dev.mamori.testing.CompanyPack;
import dev.mamori.testing.RealisticCorpus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori scan} as a user runs it: formats, exit codes, and no raw personal data in any output. */
class ScanCommandTest {

    @TempDir
    static Path dir;
    static RealisticCorpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = RealisticCorpus.writeTo(dir.resolve("corpus"));
    }

    record Run(int exit, String out, String err) {
    }

    /** {@code mamori ARGS --store STORE}: an auditor's command on a (collector's) store. */
    static Run mamoriOnStore(Path store, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--store";
        all[args.length + 1] = store.toString();
        return mamori(all);
    }

    static Run mamori(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyFormatCarriesMaskedEvidenceOnly() throws Exception {
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("jsonl", "csv", "text")) {
            Path file = dir.resolve("out." + format);
            Run run = mamori("scan", "--isolation", "in_process", "--format", format, "--output", file.toString(),
                    corpus.root().toString());
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            outputs.add(Files.readString(file, StandardCharsets.UTF_8));
            outputs.add(run.out());
            outputs.add(run.err());
        }
        String everything = String.join("\n", outputs);
        assertThat(everything).contains("090-****-", "@example.co.jp", "**** **** 9018");
        for (String planted : corpus.planted()) {
            assertThat(everything).as("raw value %s leaked", planted).doesNotContain(planted);
            String digits = Canonical.of(planted);
            if (digits.matches("\\d{10,}")) {
                assertThat(everything.replaceAll("[^0-9\\n]", "")).doesNotContain(digits);
            }
        }
    }

    @Test
    void jsonlFollowsTheDocumentedSchema() throws Exception {
        Run run = mamori("scan", "--isolation", "in_process", "--format", "jsonl", "--quiet", corpus.root().toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);
        JsonNode roster = lines.stream().filter(n -> n.get("path").asText().endsWith("顧客リスト_202611.csv"))
                .findFirst().orElseThrow();
        assertThat(roster.get("status").asText()).isEqualTo("ok");
        assertThat(roster.get("severity").asText()).isEqualTo("high");
        assertThat(roster.get("records").asInt()).isEqualTo(25);
        JsonNode phone = null;
        for (JsonNode f : roster.get("findings")) {
            if (f.get("type").asText().equals("PHONE_NUMBER")) {
                phone = f;
            }
        }
        assertThat(phone).isNotNull();
        assertThat(phone.get("count").asInt()).isEqualTo(25);
        assertThat(phone.get("confidence").asText()).isEqualTo("high");
        assertThat(phone.get("rule").asText()).isEqualTo("jp-phone");
        assertThat(phone.get("samples")).hasSizeBetween(1, 3);
        JsonNode zip = lines.stream().filter(n -> n.get("path").asText().endsWith("見積書送付.eml!/顧客一覧.zip"))
                .findFirst().orElseThrow();
        assertThat(zip.get("status").asText()).isEqualTo("encrypted");
        assertThat(zip.get("reason").asText()).contains("password");
    }

    @Test
    void exitCodeIsZeroForCleanFilesAndTwoForBadRules() throws Exception {
        Path clean = dir.resolve("clean");
        Files.createDirectories(clean);
        Files.writeString(clean.resolve("memo.txt"), "明日の会議は10時からです。資料は共有フォルダにあります。");
        assertThat(mamori("scan", "--isolation", "in_process", clean.toString()).exit()).isZero();

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "pack: bad\nrules:\n  - id: x\n    type: X\n    patterns: ['(']\n");
        Run run = mamori("scan", "--rules", bad.toString(), clean.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.yaml:5:16: rule 'x': bad regex").contains("nothing was scanned");

        assertThat(mamori("scan").exit()).isEqualTo(2);
        assertThat(mamori("scan", "--format", "xml", clean.toString()).exit()).isEqualTo(2);
    }

    @Test
    void addRulesKeepsTheBundledPacksAndPolicy() throws Exception {
        Path pack = dir.resolve("company.yaml");
        Files.writeString(pack, CompanyPack.employeeIds(5));
        Path file = dir.resolve("staff.txt");
        Files.writeString(file, "EMP-100001 EMP-100002 EMP-100003 EMP-100004 EMP-100005\nTEL 03-1234-5678\n");
        Run run = mamori("scan", "--isolation", "in_process", "--add-rules", pack.toString(), "--format", "jsonl",
                file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("\"EMPLOYEE_ID\"", "\"PHONE_NUMBER\"", "\"severity\":\"medium\"");

        Run alone = mamori("scan", "--isolation", "in_process", "--rules", pack.toString(), file.toString());
        assertThat(alone.out()).doesNotContain("PHONE_NUMBER");
    }

    @Test
    void theDefaultProcessIsolationScansToo() {
        Run run = mamori("scan", "--threads", "1", corpus.root().resolve("入社手続き_マイナンバー提出.txt").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("HIGH", "JAPAN_INDIVIDUAL_NUMBER", "**** **** 9018");
    }

    @Test
    void helpAndVersion() {
        assertThat(mamori("--version").out()).startsWith("mamori ");
        Run help = mamori("scan", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--format", "--rules", "--isolation", "Exit codes");
    }
}
