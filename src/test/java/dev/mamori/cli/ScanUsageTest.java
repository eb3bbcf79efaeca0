package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.testing.Documents;
import dev.mamori.testing.MamoriProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Usage errors and output failures of {@code mamori scan}: exit 2 and one line naming the culprit,
 * never a stack trace; documents not read completely never give exit 0.
 */
class ScanUsageTest {

    @TempDir
    Path dir;

    private static void oneClearLine(ScanCommandTest.Run run, String expected) {
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.FATAL);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").contains(expected);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        Path typo = dir.resolve("does/not/exist");
        oneClearLine(ScanCommandTest.mamori("scan", "--isolation", "in_process", typo.toString()),
                "mamori scan: " + typo + ": no such file or folder");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--threads, 0, 1", "--max-bytes, -5, 1", "--max-chars, 0, 1", "--max-depth, -1, 0",
            "--max-members, 0, 1", "--timeout, 0, 1", "--worker-heap, 16, 64"})
    void aLimitOutOfRangeIsRefusedNamingTheOptionAndTheValue(String option, String value, String min) throws Exception {
        Path file = Documents.text(dir.resolve("a.txt"), "こんにちは\n", StandardCharsets.UTF_8);
        oneClearLine(ScanCommandTest.mamori("scan", option, value, file.toString()),
                "mamori scan: " + option + " must be at least " + min + ", not " + value);
    }

    @Test
    void outputIntoAMissingFolderIsOneLine() throws Exception {
        Path file = Documents.text(dir.resolve("a.txt"), "こんにちは\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("no/such/folder/out.jsonl");
        oneClearLine(ScanCommandTest.mamori("scan", "--isolation", "in_process", "-f", "jsonl", "-o", out.toString(),
                file.toString()), "cannot write results to " + out + ": no such folder");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jsonl", "csv", "text"})
    @EnabledOnOs(OS.LINUX)
    void aFullDiskIsOneLineAndExit2(String format) throws Exception {
        Path file = Documents.text(dir.resolve("list.csv"), "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n".repeat(3000),
                StandardCharsets.UTF_8);
        ScanCommandTest.Run run = ScanCommandTest.mamori("scan", "--isolation", "in_process", "-f", format,
                "-o", "/dev/full", file.toString()); // /dev/full: every write fails with ENOSPC
        oneClearLine(run, "mamori scan: cannot write results to /dev/full");
    }

    @Test
    void documentsNotReadCompletelyNeverExitZero() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (String pack : List.of("common.yaml", "jp-pii.yaml", "policy.yaml")) {
            Files.copy(Path.of("rules", pack), rules.resolve(pack));
        }
        // an admin's policy that gives uninspectable documents severity none
        String policy = Files.readString(rules.resolve("policy.yaml"));
        String lenient = policy.replaceFirst("(?s)(- id: uninspectable.*?severity: )medium", "$1none");
        assertThat(lenient).isNotEqualTo(policy);
        Files.writeString(rules.resolve("policy.yaml"), lenient);
        Path scans = Files.createDirectories(dir.resolve("scans"));
        byte[] docx = Files.readAllBytes(Documents.docx(dir.resolve("good.docx"), List.of("会議の議事録")));
        Files.write(scans.resolve("broken.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));
        Documents.text(scans.resolve("memo.txt"), "会議は木曜日です。\n", StandardCharsets.UTF_8);

        ScanCommandTest.Run lenientRun = ScanCommandTest.mamori("scan", "--isolation", "in_process", "--rules",
                rules.toString(), scans.toString());
        assertThat(lenientRun.exit()).as(lenientRun.err()).isEqualTo(ExitCodes.NOT_ALL_INSPECTED);
        assertThat(lenientRun.out()).contains("broken.docx", "corrupt", "not fully inspected (never clean): 1");

        ScanCommandTest.Run bundled = ScanCommandTest.mamori("scan", "--isolation", "in_process", scans.toString());
        assertThat(bundled.exit()).isEqualTo(ExitCodes.SENSITIVE);
        assertThat(bundled.out()).contains("MEDIUM", "broken.docx", "flags=uninspectable");

        ScanCommandTest.Run clean = ScanCommandTest.mamori("scan", "--isolation", "in_process",
                scans.resolve("memo.txt").toString());
        assertThat(clean.exit()).isEqualTo(ExitCodes.CLEAN);
    }

    @Test
    void aMemberThatExhaustsItsWorkerLeavesTheCustomerListBesideItFoundAndTheScanUninspectable() throws Exception {
        Path dump = Documents.heapHog(dir.resolve("dump.docx")); // more than a 64 MB worker holds
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        entries.put("dump.docx", Files.readAllBytes(dump));
        entries.put("顧客名簿.csv", "氏名,電話番号\r\n山田 太郎,03-1234-5678\r\n鈴木 花子,090-1234-5678\r\n"
                .getBytes(StandardCharsets.UTF_8));
        Path zip = Documents.zip(dir.resolve("export.zip"), entries);
        ScanCommandTest.Run run = ScanCommandTest.mamori("scan", "--worker-heap", "64", "--max-chars", "30000000",
                "-f", "jsonl", zip.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.SENSITIVE);
        ObjectMapper json = new ObjectMapper();
        var byPath = new java.util.HashMap<String, com.fasterxml.jackson.databind.JsonNode>();
        for (String line : run.out().split("\n")) {
            var node = json.readTree(line);
            byPath.put(node.path("path").asText(), node);
        }
        var dumped = byPath.get(zip + "!/dump.docx");
        assertThat(dumped.path("uninspectable").asText()).isEqualTo("worker-out-of-memory");
        assertThat(dumped.path("severity").asText()).isEqualTo("medium");
        var roster = byPath.get(zip + "!/顧客名簿.csv");
        assertThat(roster.path("severity").asText()).isIn("medium", "high");
        assertThat(roster.path("records").asInt()).isEqualTo(2);
        assertThat(roster.has("uninspectable")).isFalse();
        assertThat(run.err()).contains("not fully inspected (never clean): 1 documents (worker-out-of-memory 1)");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anInterruptedJsonlScanEndsOnACompleteLineAndSaysSo() throws Exception {
        Path many = Files.createDirectories(dir.resolve("many"));
        String roster = "氏名,電話番号\r\n" + "山田 太郎,03-1234-5678\r\n".repeat(200);
        for (int i = 0; i < 3000; i++) {
            Files.writeString(many.resolve(String.format("list-%04d.csv", i)), roster);
        }
        Path out = dir.resolve("out.jsonl");
        Path log = dir.resolve("err.log");
        Process scan = MamoriProcess.builder("scan", "--isolation", "in_process", "--threads", "1", "-f", "jsonl",
                "-o", out.toString(), many.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("the scan's first 20 kB of output").atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(5)).until(() -> {
                    assertThat(scan.isAlive()).as("the scan ended before it could be interrupted").isTrue();
                    return Files.exists(out) && Files.size(out) >= 20_000;
                });
        scan.destroy(); // SIGTERM, as Ctrl-C or a service stop: shutdown hooks run
        assertThat(scan.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(written).isNotEmpty().endsWith("\n");
        ObjectMapper json = new ObjectMapper();
        List<String> lines = written.lines().toList();
        assertThat(lines.size()).isLessThan(3000);
        for (String line : lines) {
            assertThat(json.readTree(line).path("path").asText()).contains("list-");
        }
        assertThat(Files.readString(log)).contains("mamori scan: interrupted");
    }
}
