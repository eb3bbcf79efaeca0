package dev.mamori.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which mounts of a Linux mount table are removable media, an exit point: a block device whose
 * disk says it is removable ({@code /sys/block/<disk>/removable}, a partition resolved to its
 * disk, a device-mapper volume such as an unlocked LUKS stick to the disks beneath it), or
 * anything a desktop mounted under a mount parent ({@code /media/<user>}, {@code /run/media/<user>},
 * configured ones): USB disks that do not call themselves removable are mounted there too.
 * Network and virtual file systems are never removable media, wherever they are mounted: WSL's
 * {@code /mnt/c} (drvfs, 9p), NFS, CIFS, sshfs.
 */
final class LinuxMedia {

    /** File systems that reach another machine or no disk at all. */
    static final Set<String> NOT_MEDIA = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "drvfs", "v9fs",
            "virtiofs", "vboxsf", "vmhgfs", "fuse.vmhgfs-fuse", "prl_fs", "afs", "ceph", "glusterfs", "fuse.glusterfs",
            "lustre", "gpfs", "ncpfs", "coda", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs",
            "fuse.gcsfuse", "fuse.gvfsd-fuse", "fuse.portal", "proc", "sysfs", "tmpfs", "devtmpfs", "devpts", "cgroup",
            "cgroup2", "overlay", "squashfs", "autofs", "mqueue", "debugfs", "tracefs", "securityfs", "pstore", "bpf",
            "configfs", "fusectl", "hugetlbfs", "binfmt_misc", "efivarfs", "ramfs", "nsfs", "rpc_pipefs");

    private static final int MAX_STACK = 8; // device-mapper on top of md on top of partitions, at most

    private LinuxMedia() {
    }

    /** The removable-media mounts of {@code mounts}, sorted by mount point. */
    static List<Medium> find(List<Mount> mounts, Path sys, List<Path> mountParents) {
        List<Medium> out = new ArrayList<>();
        for (Mount m : mounts) {
            if (NOT_MEDIA.contains(m.fsType()) || m.mountPoint().getParent() == null) {
                continue;
            }
            boolean underParent = mountParents.stream()
                    .anyMatch(p -> m.mountPoint().startsWith(p) && !m.mountPoint().equals(p));
            boolean removable = !m.anonymous() && removable(sys.resolve("dev/block").resolve(m.device()), 0);
            if (underParent || removable) {
                out.add(new Medium(m.mountPoint(), m.source(), m.fsType(), removable));
            }
        }
        out.sort(java.util.Comparator.comparing(md -> md.root().toString()));
        return out;
    }

    /** True when the block device at {@code dev} (a sysfs device folder or a link to one) sits on a removable disk. */
    private static boolean removable(Path dev, int depth) {
        if (depth > MAX_STACK) {
            return false;
        }
        try {
            Path real = dev.toRealPath();
            Path disk = Files.exists(real.resolve("partition")) ? real.getParent() : real;
            if ("1".equals(read(disk.resolve("removable")))) {
                return true;
            }
            Path slaves = real.resolve("slaves");
            if (Files.isDirectory(slaves)) {
                try (DirectoryStream<Path> under = Files.newDirectoryStream(slaves)) {
                    for (Path s : under) {
                        if (removable(s, depth + 1)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // no sysfs entry: not known to be removable
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : "";
    }
}
