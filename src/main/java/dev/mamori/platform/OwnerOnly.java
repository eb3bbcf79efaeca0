package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes files and folders readable by their owner only: mode 0600/0700 where the file system has
 * POSIX permissions (Linux, macOS); on Windows an explicit ACL (NTFS) that allows only the owner,
 * SYSTEM and the Administrators group, replacing what was inherited (so that
 * {@code %ProgramData%\Mamori}, which all users may read by default, holds quarantined files and
 * alerts for those three only). A folder's entries are inherited by what is created in it later.
 */
public final class OwnerOnly {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    /** The accounts besides the owner that may read the agent's data on Windows, each under the names Windows gives it. */
    static final List<List<String>> WINDOWS_KEEPERS = List.of(List.of("SYSTEM", "NT AUTHORITY\\SYSTEM"),
            List.of("Administrators", "BUILTIN\\Administrators"));

    private OwnerOnly() {
    }

    public static void restrict(Path p) throws IOException {
        boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl != null) {
            acl.setAcl(ownerOnlyAcl(p.getFileSystem(), acl.getOwner(), folder));
        }
    }

    /** Creates the folder (and parents) and restricts it. */
    public static Path directory(Path p) throws IOException {
        Files.createDirectories(p);
        restrict(p);
        return p;
    }

    /** Full control for the owner, SYSTEM and Administrators, nobody else; inherited by a folder's contents. */
    static List<AclEntry> ownerOnlyAcl(FileSystem fs, UserPrincipal owner, boolean folder) {
        Set<UserPrincipal> allowed = new LinkedHashSet<>();
        allowed.add(owner);
        for (List<String> names : WINDOWS_KEEPERS) {
            UserPrincipal p = lookup(fs, names);
            if (p != null) {
                allowed.add(p);
            }
        }
        Set<AclEntryFlag> inherit = folder ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                : EnumSet.noneOf(AclEntryFlag.class);
        List<AclEntry> entries = new ArrayList<>();
        for (UserPrincipal p : allowed) {
            entries.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(p)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).setFlags(inherit).build());
        }
        return entries;
    }

    /** The account under the first of its names Windows knows; null (logged) when it knows none. */
    private static UserPrincipal lookup(FileSystem fs, List<String> names) {
        List<String> refused = new ArrayList<>();
        for (String name : names) {
            try {
                return fs.getUserPrincipalLookupService().lookupPrincipalByName(name);
            } catch (IOException | UnsupportedOperationException notKnownByThatName) {
                refused.add(name + " (" + notKnownByThatName.getClass().getSimpleName() + ")");
            }
        }
        LOG.warn("no account named {} on this machine: it gets no access to the agent's data", String.join(" or ", refused));
        return null;
    }
}
