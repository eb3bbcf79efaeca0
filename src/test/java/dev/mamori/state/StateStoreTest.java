package dev.mamori.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    private static FileState state(String path, String hash) {
        return new FileState(path, 120, 1_700_000_000_000L, hash, Instant.parse("2026-11-26T01:00:00Z"), "high", "[]");
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
            assertThat(store.unchanged("/usb/list.csv", 120, 1_700_000_000_000L)).isTrue();
            assertThat(store.unchanged("/usb/list.csv", 120, 1_700_000_000_001L)).isFalse();
            assertThat(store.unchanged("/usb/other.csv", 120, 1_700_000_000_000L)).isFalse();
            assertThat(store.byHash("bb22")).map(FileState::path).contains("/usb/memo.txt");
            assertThat(store.snapshot("/usb/")).containsOnlyKeys("/usb/list.csv", "/usb/memo.txt")
                    .allSatisfy((path, sizeAndTime) -> assertThat(sizeAndTime).containsExactly(120, 1_700_000_000_000L));
            assertThat(store.snapshot("/other/")).isEmpty();
            store.put(state("/usb/list.csv", "cc33")); // changed content replaces the old entry
            store.remove("/usb/memo.txt");
            assertThat(store.get("/usb/list.csv")).map(FileState::sha256).contains("cc33");
            assertThat(store.get("/usb/memo.txt")).isEmpty();
            assertThat(store.unchanged("/usb/memo.txt", 120, 1_700_000_000_000L)).isFalse();
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
