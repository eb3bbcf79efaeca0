package dev.mamori.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

    @TempDir
    Path dir;

    @Test
    void walksFilesSkipsExcludedPathsAndReportsLinksAndMissingRoots() throws Exception {
        Files.createDirectories(dir.resolve("docs/sub"));
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.writeString(dir.resolve("docs/a.txt"), "a");
        Files.writeString(dir.resolve("docs/sub/b.csv"), "b");
        Files.writeString(dir.resolve("repo/.git/config"), "c");
        Files.createSymbolicLink(dir.resolve("docs/link.txt"), dir.resolve("docs/a.txt"));
        List<FileWalker.Entry> entries = new ArrayList<>();
        new FileWalker(List.of("**/.git/**")).walk(List.of(dir, dir.resolve("nowhere")), entries::add);

        assertThat(entries).filteredOn(e -> e.problem() == null && e.skipped() == null)
                .extracting(e -> dir.relativize(e.file()).toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("docs/a.txt", "docs/sub/b.csv");
        assertThat(entries).filteredOn(e -> e.skipped() != null).singleElement()
                .satisfies(e -> assertThat(e.skipped()).isEqualTo("symbolic link not followed"));
        assertThat(entries).filteredOn(e -> e.problem() != null).singleElement()
                .satisfies(e -> assertThat(e.problem()).isEqualTo("no such file or folder"));
    }
}
