package dev.mamori.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.ProcessUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring a quarantined file: the mode comes back, the decision is remembered, and a restore
 * refuses every way a record or the folder around the original could steer it somewhere else.
 */
class QuarantineTest {

    @TempDir
    Path dir;

    Path stick;
    Path elsewhere;
    Quarantine quarantine;
    final ProcessUser me = ProcessUser.current();
    Predicate<Path> onTheStick;

    @BeforeEach
    void setUp() throws IOException {
        stick = Files.createDirectories(dir.resolve("media/STICK/reports"));
        elsewhere = Files.createDirectories(dir.resolve("root-only"));
        quarantine = new Quarantine(dir.resolve("data/quarantine"), Clock.systemUTC());
        onTheStick = p -> p.startsWith(dir.resolve("media"));
    }

    private QuarantineRecord quarantined(String name, String mode) throws IOException {
        Path file = Files.writeString(stick.resolve(name), "氏名,電話\n山田 太郎,090-1234-5678\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return quarantine.quarantine(file, "severity high");
    }

    @Test
    void aRestoreBringsBackTheBytesAndTheModeAndIsRememberedForThatContentAtThatPath() throws Exception {
        QuarantineRecord q = quarantined("顧客.csv", "rw-r-----");
        Path original = Path.of(q.original());
        assertThat(original).doesNotExist();
        assertThat(quarantine.released(q.original(), q.sha256())).isFalse();

        QuarantineRecord r = quarantine.restore(q.id(), me, "sent to the customer by contract", onTheStick);

        assertThat(original).content(StandardCharsets.UTF_8).contains("山田 太郎");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(original))).isEqualTo("rw-r-----");
        assertThat(Quarantine.note(original)).doesNotExist();
        assertThat(r.restoredBy()).isEqualTo(me.describe());
        assertThat(quarantine.find(q.id()).orElseThrow().note()).isEqualTo("sent to the customer by contract");
        assertThat(quarantine.released(q.original(), q.sha256())).isTrue();
        assertThat(quarantine.released(q.original(), "0".repeat(64))).as("other content at that path").isFalse();
        assertThat(quarantine.released(stick.resolve("other.csv").toString(), q.sha256())).as("that content elsewhere").isFalse();
        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "again", onTheStick)).hasMessageContaining("already restored");
    }

    @Test
    void aPathOutsideTheWatchedPlacesIsRefused() throws Exception {
        QuarantineRecord q = quarantined("顧客.csv", "rw-r--r--");
        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "why", p -> false))
                .hasMessageContaining("not in a place the agent watches");
        assertThat(Path.of(q.original())).doesNotExist();
        assertThat(quarantine.released(q.original(), q.sha256())).isFalse();
    }

    @Test
    void aFolderThatIsGoneIsNotCreated() throws Exception {
        QuarantineRecord q = quarantined("顧客.csv", "rw-r--r--");
        Files.delete(Quarantine.note(Path.of(q.original())));
        Files.delete(stick);
        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "why", onTheStick)).hasMessageContaining("restores create no folders");
        assertThat(stick).doesNotExist();
    }

    @Test
    void aFolderSwappedForASymbolicLinkIsRefusedAndNothingIsWrittenWhereItLeads() throws Exception {
        QuarantineRecord q = quarantined("profile.sh", "rwxr-xr-x");
        Files.delete(Quarantine.note(Path.of(q.original())));
        Files.delete(stick);
        Files.createSymbolicLink(stick, elsewhere);
        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "why", onTheStick)).hasMessageContaining("symbolic link");
        try (var inside = Files.list(elsewhere)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void somethingAtTheOriginalPathIsNeverReplacedNotEvenALink() throws Exception {
        QuarantineRecord q = quarantined("顧客.csv", "rw-r--r--");
        Path target = Files.writeString(elsewhere.resolve("victim"), "keep me", StandardCharsets.UTF_8);
        Files.createSymbolicLink(Path.of(q.original()), target);
        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "why", onTheStick)).hasMessageContaining("exists again");
        assertThat(target).hasContent("keep me");
        assertThat(Files.isSymbolicLink(Path.of(q.original()))).isTrue();
    }

    @Test
    void rootActsOnTheSystemServicesQuarantineButNeverOnAPersonsOwn() throws Exception {
        assumeTrue(me.isRoot(), "needs root to give the quarantine to other users (CI runs as root)");
        QuarantineRecord theirs = quarantined("顧客.csv", "rw-r--r--");
        Path box = dir.resolve("data/quarantine").resolve(theirs.id());
        for (Path p : new Path[] {dir.resolve("data/quarantine"), box, box.resolve("record.json")}) {
            Files.setAttribute(p, "unix:uid", 4242); // a person's per-user quarantine: they can write its records
        }
        assertThatThrownBy(() -> quarantine.restore(theirs.id(), me, "why", onTheStick))
                .hasMessageContaining("run the restore as");
        assertThat(Path.of(theirs.original())).doesNotExist();

        for (Path p : new Path[] {dir.resolve("data/quarantine"), box, box.resolve("record.json")}) {
            Files.setAttribute(p, "unix:uid", 120); // the system service's account
        }
        quarantine.restore(theirs.id(), me, "why", onTheStick);
        assertThat(Path.of(theirs.original())).exists();
    }

    @Test
    void aRecordOthersCanWriteIsNotBelievedSoAForgedOriginalLeadsNowhere() throws Exception {
        QuarantineRecord q = quarantined("顧客.csv", "rw-r--r--");
        Path record = dir.resolve("data/quarantine").resolve(q.id()).resolve("record.json");
        ObjectNode forged = (ObjectNode) new ObjectMapper().readTree(record.toFile());
        forged.put("original", dir.resolve("media/profile.d/evil.sh").toString());
        Files.writeString(record, forged.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(record, PosixFilePermissions.fromString("rw-rw-rw-"));

        assertThatThrownBy(() -> quarantine.restore(q.id(), me, "why", onTheStick))
                .hasMessageContaining("can be changed by others").hasMessageContaining("not trusted");
        assertThat(dir.resolve("media/profile.d")).doesNotExist();
    }
}
