package dev.mamori.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.testing.BundledRules;
import dev.mamori.verdict.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files whose names are not valid UTF-8 on disk (a Shift_JIS name from a FAT stick, a Latin-1
 * name), made with /bin/sh because Java cannot write such names: read all the same, under the JVM's
 * own locale, in process and in worker processes, and shown with the odd bytes escaped.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class UndecodableNameTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Path sh = Files.createDirectories(dir.resolve("stick"));
        // 顧客名簿.csv in CP932, and café.csv in Latin-1; each holds a customer row
        String script = "printf '氏名,電話番号\\r\\n山田 太郎,03-1234-5678\\r\\n' > \"$(printf '\\214\\332\\213q\\226\\274\\225\\353.csv')\""
                + " && printf 'Name,Tel\\nTaro Yamada,090-1234-5678\\n' > \"$(printf 'caf\\351.csv')\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(sh.toFile()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        try (var names = Files.list(sh)) {
            assertThat(names.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"in_process", "process"})
    void namesThatAreNotUtf8AreReadAndShownEscaped(String isolation) {
        Extractor extractor = isolation.equals("process") ? new ForkedExtractor(ExtractionLimits.defaults())
                : new TikaExtractor(ExtractionLimits.defaults());
        List<DocumentResult> results = new ArrayList<>();
        try (Scanner scanner = new Scanner(BundledRules.get(), extractor, 1, BundledRules.CLOCK)) {
            scanner.scan(List.of(dir.resolve("stick")), results::add, (d, t) -> { }, -1);
        }
        assertThat(results).extracting(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("\\x8c\\xda\\x8bq\\x96\\xbc\\x95\\xeb.csv", "caf\\xe9.csv");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.path() + ": " + r.reason()).isEqualTo(ExtractionStatus.OK);
            assertThat(r.verdict().severity()).isNotEqualTo(Severity.NONE);
            assertThat(r.verdict().findings()).anyMatch(f -> f.type().equals("PHONE_NUMBER"));
        });
    }
}
