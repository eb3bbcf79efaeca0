package dev.mamori.platform;

import java.nio.file.Path;

/**
 * A removable medium mounted now.
 *
 * @param root          where its files are
 * @param source        the device or volume ({@code /dev/sdb1}, a drive letter)
 * @param fsType        its file system type, or "" where unknown
 * @param removableFlag true when the device itself says it is removable (not only its place)
 */
public record Medium(Path root, String source, String fsType, boolean removableFlag) {
}
