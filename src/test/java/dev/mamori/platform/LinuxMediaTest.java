package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removable media from a mount table and sysfs laid out as the kernel lays them out: a partition's
 * device link points into its disk's folder, and the disk says whether it is removable.
 */
class LinuxMediaTest {

    @TempDir
    Path sys;

    private static final String MOUNTINFO = """
            36 25 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
            90 36 8:17 / /run/media/alice/SANDISK\\040STICK rw,nosuid,nodev shared:50 - vfat /dev/sdb1 rw,uid=1000
            91 36 0:50 / /mnt/c rw,noatime - 9p drvfs rw,aname=drvfs
            92 36 0:51 / /media/alice/share rw - nfs4 server:/export rw
            93 36 8:2 / /media/alice/BACKUP rw - ext4 /dev/sda2 rw
            94 36 8:3 / /mnt/data rw - ext4 /dev/sda3 rw
            95 36 8:33 / /srv/card rw - exfat /dev/sdc1 rw
            not a mount line
            """;

    private void blockDevice(String majorMinor, String disk, String partition, boolean removable) throws Exception {
        Path diskDir = Files.createDirectories(sys.resolve("devices/pci0000:00/usb1").resolve(disk));
        Files.writeString(diskDir.resolve("removable"), removable ? "1\n" : "0\n");
        Path part = Files.createDirectories(diskDir.resolve(partition));
        Files.writeString(part.resolve("partition"), "1\n");
        Path links = Files.createDirectories(sys.resolve("dev/block"));
        Files.createSymbolicLink(links.resolve(majorMinor), links.relativize(part));
    }

    @Test
    void removableDisksAndMountsUnderAMountParentAreMediaNetworkAndWslDrivesNever() throws Exception {
        blockDevice("8:1", "sda", "sda1", false);
        blockDevice("8:2", "sda", "sda2", false);
        blockDevice("8:3", "sda", "sda3", false);
        blockDevice("8:17", "sdb", "sdb1", true);
        blockDevice("8:33", "sdc", "sdc1", true);
        List<Mount> mounts = MountTable.parse(MOUNTINFO, "mountinfo");
        assertThat(mounts).hasSize(7); // the line that does not parse is left out
        assertThat(mounts.get(1).mountPoint()).isEqualTo(Path.of("/run/media/alice/SANDISK STICK"));

        List<Medium> media = LinuxMedia.find(mounts, sys, List.of(Path.of("/media/alice"), Path.of("/run/media/alice")));

        assertThat(media).extracting(m -> m.root().toString())
                .containsExactly("/media/alice/BACKUP", "/run/media/alice/SANDISK STICK", "/srv/card");
        assertThat(media).filteredOn(Medium::removableFlag).extracting(Medium::source)
                .containsExactly("/dev/sdb1", "/dev/sdc1");
    }

    @Test
    void withoutSysfsOnlyMountParentsCount() {
        List<Mount> mounts = MountTable.parse(MOUNTINFO, "mountinfo");
        assertThat(LinuxMedia.find(mounts, sys.resolve("absent"), List.of(Path.of("/run/media/alice"))))
                .extracting(m -> m.root().toString()).containsExactly("/run/media/alice/SANDISK STICK");
    }
}
