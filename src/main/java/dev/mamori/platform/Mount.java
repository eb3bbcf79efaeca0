package dev.mamori.platform;

import java.nio.file.Path;

/**
 * One line of the Linux mount table ({@code /proc/self/mountinfo}).
 *
 * @param mountPoint where it is mounted
 * @param device     the device's {@code major:minor} (major 0: no block device, e.g. NFS, tmpfs)
 * @param fsType     the file system type ({@code vfat}, {@code nfs4}, {@code 9p}, ...)
 * @param source     what is mounted ({@code /dev/sdb1}, {@code server:/export}, {@code drvfs})
 */
public record Mount(Path mountPoint, String device, String fsType, String source) {

    /** True when no block device backs the mount (network, pseudo and virtual file systems). */
    public boolean anonymous() {
        return device.startsWith("0:");
    }
}
