package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner-only data, on POSIX file systems by mode and on ACL file systems (Windows/NTFS, here jimfs) by ACL. */
class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void onPosixFoldersAre0700AndFiles0600() throws Exception {
        Path folder = OwnerOnly.directory(dir.resolve("data/quarantine"));
        Path file = Files.writeString(folder.resolve("record.json"), "{}");
        OwnerOnly.restrict(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void onAclFileSystemsOnlyTheOwnerSystemAndAdministratorsAreLeftAndFoldersPassItOn() throws Exception {
        Configuration windows = Configuration.windows().toBuilder().setAttributeViews("basic", "owner", "acl").build();
        try (FileSystem fs = Jimfs.newFileSystem(windows)) {
            Path data = Files.createDirectories(fs.getPath("C:\\ProgramData\\Mamori"));
            var lookup = fs.getUserPrincipalLookupService();
            AclFileAttributeView view = Files.getFileAttributeView(data, AclFileAttributeView.class);
            // what %ProgramData% passes on by default: every user may read
            view.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(lookup.lookupPrincipalByName("Users"))
                    .setPermissions(AclEntryPermission.READ_DATA, AclEntryPermission.READ_ATTRIBUTES).build()));
            view.setOwner(lookup.lookupPrincipalByName("SYSTEM"));

            OwnerOnly.directory(data);
            Path alerts = Files.writeString(data.resolve("alerts.jsonl"), "{}");
            OwnerOnly.restrict(alerts);

            List<AclEntry> folder = view.getAcl();
            assertThat(folder).extracting(e -> e.principal().getName()).containsExactlyInAnyOrder("SYSTEM", "Administrators");
            assertThat(folder).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo(AclEntryType.ALLOW);
                assertThat(e.permissions()).isEqualTo(EnumSet.allOf(AclEntryPermission.class));
                assertThat(e.flags()).isEqualTo(Set.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
            });
            List<AclEntry> file = Files.getFileAttributeView(alerts, AclFileAttributeView.class).getAcl();
            assertThat(file).extracting(e -> e.principal().getName()).contains("SYSTEM", "Administrators")
                    .doesNotContain("Users", "Everyone");
            assertThat(file).allSatisfy(e -> assertThat(e.flags()).isEmpty());
        }
    }
}
