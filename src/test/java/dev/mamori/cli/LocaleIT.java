package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Japanese file names under the locales services, cron and {@code env -i} run with: the packaged
 * launcher as a real process with an emptied environment. Runs after {@code package} (it needs
 * {@code target/mamori.jar}).
 */
class LocaleIT {

    private static final String ROSTER = "氏名,電話番号\n山田 太郎,03-1234-5678\n鈴木 花子,090-1234-5678\n";
    private static final Path JAR = Path.of("target/mamori.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("agent/bin/mamori").toAbsolutePath();
    private static final Path SAMPLES = Path.of("agent/samples").toAbsolutePath();

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("顧客データ"));
        Files.writeString(folder.resolve("顧客リスト_202611.csv"), ROSTER, StandardCharsets.UTF_8);
    }

    record Run(int exit, Map<String, JsonNode> byPath, String err) {
    }

    private static Run run(List<String> command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".jsonl");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        Map<String, JsonNode> byPath = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode n = new ObjectMapper().readTree(line);
            byPath.put(n.get("path").asText(), n);
        }
        return new Run(p.exitValue(), byPath, Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code env -i [LANG=...]}, then the launcher: no locale at all, or the one given. */
    private static List<String> launcher(String lang, String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                "MAMORI_JAR=" + JAR));
        if (lang != null) {
            cmd.add("LANG=" + lang);
        }
        cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void assertTheRosterWasRead(Run run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode doc = run.byPath().get("顧客データ/顧客リスト_202611.csv");
        assertThat(doc).as(run.byPath().keySet() + "\n" + run.err()).isNotNull();
        assertThat(doc.get("status").asText()).isEqualTo("ok");
        assertThat(doc.get("findings").toString()).contains("PHONE_NUMBER");
    }

    @Test
    void theLauncherScansJapaneseNamesWithNoLocaleAtAll() throws Exception {
        assertTheRosterWasRead(run(launcher(null, "scan", "--format", "jsonl", "-q", "顧客データ")));
    }

    @Test
    void theLauncherScansJapaneseNamesUnderLangC() throws Exception {
        assertTheRosterWasRead(run(launcher("C", "scan", "--format", "jsonl", "-q", "顧客データ")));
    }

    @Test
    void theBundledSamplesGiveTheSameVerdictsWithAndWithoutALocale() throws Exception {
        Run utf8 = run(launcher("C.UTF-8", "scan", "--format", "jsonl", "-q", SAMPLES.toString()));
        Run none = run(launcher(null, "scan", "--format", "jsonl", "-q", SAMPLES.toString()));
        assertThat(none.exit()).as(none.err()).isEqualTo(1);
        Map<String, String> severities = new HashMap<>();
        utf8.byPath().forEach((p, n) -> severities.put(p, n.get("severity").asText()));
        Map<String, String> withoutLocale = new HashMap<>();
        none.byPath().forEach((p, n) -> withoutLocale.put(p, n.get("severity").asText()));
        assertThat(withoutLocale).isEqualTo(severities);
        assertThat(severities.values()).anyMatch(s -> !s.equals("none"));
    }

    @Test
    void theServiceUnitsSetAUtf8Locale() throws Exception {
        for (String unit : List.of("agent/systemd/mamori.service", "agent/systemd/mamori-user.service")) {
            assertThat(Files.readString(Path.of(unit))).contains("Environment=LANG=C.UTF-8 LC_ALL=C.UTF-8");
        }
    }
}
