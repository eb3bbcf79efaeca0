package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.quarantine.Quarantine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori quarantine list|restore} on a real quarantine folder. */
class QuarantineCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsAndRestoresByteForByte() throws Exception {
        Path data = dir.resolve("data");
        Path file = Files.writeString(dir.resolve("顧客.csv"), "氏名,電話\n山田 太郎,090-1234-5678\n", StandardCharsets.UTF_8);
        byte[] original = Files.readAllBytes(file);
        String id = new Quarantine(data.resolve("quarantine"), Clock.systemUTC()).quarantine(file, "severity high").id();

        ScanCommandTest.Run list = ScanCommandTest.mamori("quarantine", "list", "--data-dir", data.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(id, file.toAbsolutePath().toString(), "severity high");

        ScanCommandTest.Run restore = ScanCommandTest.mamori("quarantine", "restore", "--data-dir", data.toString(), id);
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(original);

        ScanCommandTest.Run again = ScanCommandTest.mamori("quarantine", "restore", "--data-dir", data.toString(), id);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already restored");
        assertThat(ScanCommandTest.mamori("quarantine", "restore", "--data-dir", data.toString(), "../x").err())
                .contains("no quarantined file with id");
    }

    @Test
    void statusWithoutAnAgentSaysSo() {
        ScanCommandTest.Run status = ScanCommandTest.mamori("status", "--data-dir", dir.resolve("nothing").toString());
        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.err()).contains("no agent status");
    }
}
