package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who this process runs as, taken from the operating system: the owner of {@code /proc/self} on
 * Linux, elsewhere the owner of a file the process creates. Never {@code user.name}, which
 * {@code -Duser.name=} sets to anything. A decision recorded in the audit trail names this user.
 *
 * @param uid      the effective user id (-1 where the platform has none)
 * @param name     its login name (the numeric id where it has none)
 * @param sudoUser who ran {@code sudo}, when root was reached through it (else empty); only
 *                 believed for root, since anyone can set {@code SUDO_USER} for themselves
 */
public record ProcessUser(long uid, String name, String sudoUser) {

    public static ProcessUser current() {
        long uid = -1;
        String name = null;
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                uid = uidOf(Path.of("/proc/self"));
                name = nameOf(uid);
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                uid = -1;
            }
        }
        if (name == null) {
            name = ownerOfANewFile();
        }
        String sudo = uid == 0 ? System.getenv().getOrDefault("SUDO_USER", "") : "";
        return new ProcessUser(uid, name, sudo);
    }

    /** The numeric owner of {@code p} (a link itself, not what it points to); -1 where the file system has no uids. */
    public static long uidOf(Path p) throws IOException {
        try {
            return ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException noUnix) {
            return -1;
        }
    }

    /** The login name of {@code uid} on this machine, or the number where it has none. */
    public static String nameOf(long uid) {
        return LocalUsers.nameOf(SystemTables.real().passwd(), uid).orElse(Long.toString(uid));
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** As the audit trail shows it: {@code alice}, or {@code root (sudo by alice)}. */
    public String describe() {
        return sudoUser.isEmpty() ? name : name + " (sudo by " + sudoUser + ")";
    }

    private static String ownerOfANewFile() {
        Path probe = null;
        try {
            probe = Files.createTempFile("mamori-whoami", ".tmp");
            return Files.getOwner(probe).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
