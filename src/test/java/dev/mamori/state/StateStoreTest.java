package dev.mamori.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    private static final FileStamp STAMP = new FileStamp(120, 1_700_000_000_000L, 1_700_000_000_123_456_789L, 42);

    private static FileState state(String path, String hash) {
        return new FileState(path, STAMP, hash, Instant.parse("2026-11-26T01:00:00Z"), "high", "[]", "jp-pii 1.2");
    }

    @Test
    void remembersFilesAcrossReopeningAndFindsRenamesByHash() throws Exception {
        try (StateStore store = new StateStore(dir)) {
            store.put(state("/usb/list.csv", "aa11"));
            store.put(state("/usb/memo.txt", "bb22"));
            store.commit();
        }
        try (StateStore store = new StateStore(dir)) {
            assertThat(store.size()).isEqualTo(2);
            FileState list = store.get("/usb/list.csv").orElseThrow();
            assertThat(list.unchanged(120, 1_700_000_000_000L)).isTrue();
            assertThat(list.unchanged(121, 1_700_000_000_000L)).isFalse();
            assertThat(list.stamp()).isEqualTo(STAMP);
            assertThat(list.judgedUnder("jp-pii 1.2")).isTrue();
            assertThat(list.judgedUnder("jp-pii 1.3")).isFalse();
            assertThat(store.byHash("bb22")).map(FileState::path).contains("/usb/memo.txt");
            assertThat(store.snapshot("/usb/")).containsOnlyKeys("/usb/list.csv", "/usb/memo.txt")
                    .allSatisfy((path, seen) -> assertThat(seen).isEqualTo(
                            new StateStore.Remembered(STAMP, FileStamp.packsDigest("jp-pii 1.2"))));
            assertThat(store.snapshot("/other/")).isEmpty();
            store.put(state("/usb/list.csv", "cc33")); // changed content replaces the old entry
            store.remove("/usb/memo.txt");
            assertThat(store.get("/usb/list.csv")).map(FileState::sha256).contains("cc33");
            assertThat(store.get("/usb/memo.txt")).isEmpty();
            assertThat(store.snapshot("/usb/")).containsOnlyKeys("/usb/list.csv");
            assertThat(store.byHash("aa11")).isEmpty();
        }
    }

    @Test
    void uncommittedChangesAreLostOnlyUpToTheLastCommit() throws Exception {
        StateStore store = new StateStore(dir);
        store.put(state("/a", "1"));
        store.commit();
        store.put(state("/b", "2")); // never committed: as after a crash
        // simulate the crash by dropping the writer's lock without committing
        java.lang.reflect.Field w = StateStore.class.getDeclaredField("writer");
        w.setAccessible(true);
        ((org.apache.lucene.index.IndexWriter) w.get(store)).rollback();
        try (StateStore reopened = new StateStore(dir)) {
            assertThat(reopened.get("/a")).isPresent();
            assertThat(reopened.get("/b")).isEmpty();
        }
    }
}
