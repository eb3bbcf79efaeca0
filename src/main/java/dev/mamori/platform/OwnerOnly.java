package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes files and folders readable by their owner only where the file system has POSIX
 * permissions (Linux, macOS); on Windows the data directory's ACL, set by the installer, applies.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    public static void restrict(Path p) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) == null) {
            return;
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }

    /** Creates the folder (and parents) and restricts it. */
    public static Path directory(Path p) throws IOException {
        Files.createDirectories(p);
        restrict(p);
        return p;
    }
}
