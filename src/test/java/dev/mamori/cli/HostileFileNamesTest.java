package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.agent.Agent;
import dev.mamori.testing.MamoriProcess;
import dev.mamori.testing.RealisticCorpus;
import dev.mamori.testing.TestAgents;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 5: file names that attack whoever reads Mamori's output. A name that is a formula
 * must stay text in every CSV; a name with a newline and an ESC sequence must not split a line or
 * reach the terminal raw in any text output.
 */
class HostileFileNamesTest {

    static final String FORMULA = "=HYPERLINK(\"x\")";
    static final String ESCAPES = "a\nb\u001b[31m";

    @TempDir
    Path root;
    Path list;

    @BeforeEach
    void corpus() throws Exception {
        list = RealisticCorpus.writeTo(root.resolve("corpus")).root().resolve("顧客リスト_202611.csv");
    }

    @Test
    void scanCsvKeepsAFormulaNameAsText() throws Exception {
        Path dir = Files.createDirectories(root.resolve("scan"));
        Files.copy(list, dir.resolve(FORMULA + ".csv"));
        // run where the file is, so the path cell is the bare name and starts with '='
        Process p = MamoriProcess.builder("scan", "-f", "csv", "--isolation", "in_process", FORMULA + ".csv")
                .directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<CSVRecord> rows = csv(out);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get("path")).isEqualTo("'" + FORMULA + ".csv"));
    }

    @Test
    void scanTextAndCsvShowANewlineAndAnEscEscaped() throws Exception {
        Path dir = root.resolve("scan2");
        copy(list, dir.resolve(ESCAPES + ".csv"));
        ScanCommandTest.Run text = ScanCommandTest.mamori("scan", "--isolation", "in_process", "-q", dir.toString());
        assertThat(text.out()).contains("a\\nb\\u001b[31m.csv").doesNotContain("\u001b", "a\nb");
        assertThat(text.out().lines().filter(l -> l.contains(".csv"))).hasSize(1);

        ScanCommandTest.Run csv = ScanCommandTest.mamori("scan", "-f", "csv", "--isolation", "in_process", dir.toString());
        assertThat(csv.out()).doesNotContain("\u001b");
        assertThat(csv(csv.out())).isNotEmpty().allSatisfy(r -> assertThat(r.get("path")).endsWith("a\\nb\\u001b[31m.csv"));
    }

    @Test
    void inventoryAndAlertsSearchAndQuarantineListToo() throws Exception {
        Path usb = root.resolve("media/taro/STICK");
        copy(list, usb.resolve(FORMULA + ".csv"));
        copy(list, usb.resolve(ESCAPES + ".csv"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {cloud-sync: false}
                scan: {isolation: in_process}
                actions: {quarantine-min-severity: high}
                """.formatted(data));
        try (Agent agent = TestAgents.started(root, config, "pc")) {
            agent.awaitChecked(2, Duration.ofSeconds(90));
        }
        String dir = data.toString();

        String inventory = ScanCommandTest.mamori("inventory", "--data-dir", dir).out();
        assertThat(inventory).doesNotContain("\u001b");
        List<CSVRecord> rows = csv(inventory.substring(1)); // after the BOM
        assertThat(rows).extracting(r -> r.get("path")).hasSize(2)
                .anySatisfy(p -> assertThat(p).endsWith("/" + FORMULA + ".csv"))
                .anySatisfy(p -> assertThat(p).endsWith("/a\\nb\\u001b[31m.csv"));

        ScanCommandTest.Run search = ScanCommandTest.mamori("alerts", "search", "--data-dir", dir, "exit:usb");
        assertThat(search.out()).contains("a\\nb\\u001b[31m.csv", "2 alert(s)").doesNotContain("\u001b", "a\nb");
        assertThat(search.out().lines()).hasSize(3);

        ScanCommandTest.Run quarantined = ScanCommandTest.mamori("quarantine", "list", "--data-dir", dir);
        assertThat(quarantined.out()).contains("a\\nb\\u001b[31m.csv").doesNotContain("\u001b", "a\nb");
        assertThat(quarantined.out().lines()).hasSize(4); // two lines per quarantined file
    }

    private static List<CSVRecord> csv(String text) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
