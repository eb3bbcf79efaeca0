package dev.mamori.platform;

import java.nio.file.Path;

/**
 * Where Linux tells who uses the machine and what is mounted: injected so that tests feed a
 * simulated mount table, sysfs tree and passwd file (real files in a temporary folder).
 *
 * @param mountInfo the mount table ({@code /proc/self/mountinfo})
 * @param sys       the sysfs root ({@code /sys}): {@code dev/block/<major:minor>} → the device folder
 * @param passwd    the user database ({@code /etc/passwd})
 */
public record SystemTables(Path mountInfo, Path sys, Path passwd) {

    /** This machine's. */
    public static SystemTables real() {
        return new SystemTables(Path.of("/proc/self/mountinfo"), Path.of("/sys"), Path.of("/etc/passwd"));
    }
}
