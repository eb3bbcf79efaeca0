package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only regular files are read, checked on what was opened: a hostile user who swaps the file for a
 * link, a FIFO or another file between the check and the open gets nothing read.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RegularFileTest {

    @TempDir
    Path dir;

    private static void mkfifo(Path p) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
    }

    private BasicFileAttributes checkedAsRegular(Path p) throws Exception {
        Files.writeString(p, "氏名,電話番号\n", StandardCharsets.UTF_8);
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void aRegularFileIsOpenedAtItsStart() throws Exception {
        Path f = dir.resolve("list.csv");
        checkedAsRegular(f);
        try (var ch = RegularFile.open(f)) {
            ByteBuffer b = ByteBuffer.allocate(64);
            ch.read(b);
            assertThat(new String(b.array(), 0, b.position(), StandardCharsets.UTF_8)).startsWith("氏名");
        }
    }

    @Test
    void linksFifosAndFoldersAreNeverOpened() throws Exception {
        Path secret = dir.resolve("secret.csv");
        checkedAsRegular(secret);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), secret);
        Path fifo = dir.resolve("pipe.csv");
        mkfifo(fifo);
        assertThatThrownBy(() -> RegularFile.open(link)).isInstanceOf(RegularFile.NotRegularException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> RegularFile.open(fifo)).isInstanceOf(RegularFile.NotRegularException.class)
                .hasMessageContaining("FIFO");
        assertThatThrownBy(() -> RegularFile.open(dir)).isInstanceOf(RegularFile.NotRegularException.class);
    }

    @Test
    void aLinkSwappedInAfterTheCheckIsRefusedByTheOpen() throws Exception {
        Path f = dir.resolve("report.csv");
        BasicFileAttributes before = checkedAsRegular(f);
        Path secret = dir.resolve("root-only.csv");
        checkedAsRegular(secret);
        Files.delete(f);
        Files.createSymbolicLink(f, secret);
        assertThatThrownBy(() -> RegularFile.openChecked(f, false, before, Duration.ofSeconds(5)))
                .isInstanceOf(RegularFile.NotRegularException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void aFifoSwappedInAfterTheCheckIsGivenUpWithinTheTimeout() throws Exception {
        Path f = dir.resolve("report.csv");
        BasicFileAttributes before = checkedAsRegular(f);
        Files.delete(f);
        mkfifo(f); // nobody writes: an open blocks
        long start = System.nanoTime();
        assertThatThrownBy(() -> RegularFile.openChecked(f, false, before, Duration.ofMillis(500)))
                .isInstanceOf(RegularFile.NotRegularException.class).hasMessageContaining("did not open");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        // unblock the parked open, which then closes what it opened (so this write may find no reader)
        try (var w = Files.newOutputStream(f)) {
            w.write(1);
        } catch (java.io.IOException noReaderLeft) {
            // expected once the abandoned open has closed its end
        }
    }

    @Test
    void aFifoWithAWriterSwappedInIsRefusedOnceOpened() throws Exception {
        Path f = dir.resolve("report.csv");
        BasicFileAttributes before = checkedAsRegular(f);
        Files.delete(f);
        mkfifo(f);
        Process writer = new ProcessBuilder("sh", "-c", "exec sleep 30 > '" + f + "'").start(); // the attacker's end
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(writer::isAlive);
            Thread.sleep(200); // the shell has opened its end
            assertThatThrownBy(() -> RegularFile.openChecked(f, false, before, Duration.ofSeconds(5)))
                    .isInstanceOf(RegularFile.NotRegularException.class);
        } finally {
            writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anotherRegularFileSwappedInIsRefused() throws Exception {
        Path f = dir.resolve("report.csv");
        BasicFileAttributes before = checkedAsRegular(f);
        Files.move(f, dir.resolve("aside.csv")); // still there, so the new file cannot reuse its inode
        checkedAsRegular(f); // another file under the same name
        assertThatThrownBy(() -> RegularFile.openChecked(f, false, before, Duration.ofSeconds(5)))
                .isInstanceOf(RegularFile.NotRegularException.class).hasMessageContaining("replaced");
    }
}
