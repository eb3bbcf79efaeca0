package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where files leave a machine, per operating system and user: removable media mounted now and the
 * cloud-sync folders in each watched user's home. Linux answers from its mount table and sysfs
 * ({@link SystemTables}), Windows from each drive's type, macOS from {@code /Volumes} without the
 * boot volume. A service running as a system account (root, the {@code mamori} user) watches
 * every local user; an agent run by a user watches that user. Everything comes from injected
 * values, so tests point it at temporary folders and a simulated mount table.
 *
 * @param os                whose conventions apply
 * @param users             whose homes and mount parents are watched
 * @param extraMountParents configured folders whose sub-folders (or mounts beneath) are media too
 * @param tables            the Linux mount table, sysfs and passwd; null: media are the sub-folders
 *                          of the mount parents (macOS, and tests that simulate media by folders)
 */
public record ExitPoints(OperatingSystem os, List<LocalUser> users, List<Path> extraMountParents, SystemTables tables) {

    private static final Logger LOG = LoggerFactory.getLogger(ExitPoints.class);

    public ExitPoints {
        users = List.copyOf(users);
        extraMountParents = List.copyOf(extraMountParents);
    }

    /** One user known only by home, media being the sub-folders of {@code mountParents} (tests, benchmarks). */
    public ExitPoints(OperatingSystem os, Path home, List<Path> mountParents) {
        this(os, List.of(new LocalUser("", -1, home)), mountParents, null);
    }

    /** The exit points of this machine: every local user's when run as a system account, else the user's own. */
    public static ExitPoints forThisMachine() {
        OperatingSystem os = OperatingSystem.current();
        Path home = Path.of(System.getProperty("user.home"));
        String self = System.getProperty("user.name", "");
        long uid = ownUid();
        List<LocalUser> users;
        switch (os) {
            case LINUX -> {
                SystemTables t = SystemTables.real();
                users = uid >= 0 && uid < LocalUsers.FIRST_UID ? everyLinuxUser(t)
                        : List.of(new LocalUser(LocalUsers.nameOf(t.passwd(), uid).orElse(self), uid, home));
                return new ExitPoints(os, users, List.of(), t);
            }
            // macOS people start at uid 501; the Windows service account's name ends in $ (SYSTEM is HOST$)
            case MAC -> users = uid >= 0 && uid < 500 ? homesUnder(Path.of("/Users"), Set.of("Shared", "Guest"))
                    : List.of(new LocalUser(self, uid, home));
            default -> users = self.endsWith("$") ? homesUnder(Path.of(System.getenv().getOrDefault("SystemDrive", "C:")
                    + "\\Users"), Set.of("Public", "Default", "Default User", "All Users"))
                    : List.of(new LocalUser(self, uid, home));
        }
        return new ExitPoints(os, users, List.of(), null);
    }

    /** The same exit points with configured mount parents added. */
    public ExitPoints withMountParents(List<Path> extra) {
        List<Path> all = new ArrayList<>(extraMountParents);
        extra.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new ExitPoints(os, users, all, tables);
    }

    private static long ownUid() {
        try {
            return ((Number) Files.getAttribute(Path.of(System.getProperty("os.name", "").startsWith("Linux")
                    ? "/proc/self" : System.getProperty("user.home")), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnix) {
            return -1;
        }
    }

    private static List<LocalUser> everyLinuxUser(SystemTables t) {
        try {
            return LocalUsers.read(t.passwd());
        } catch (IOException e) {
            LOG.warn("cannot read {}: no user's exit points are watched: {}", t.passwd(), e.getMessage());
            return List.of();
        }
    }

    private static List<LocalUser> homesUnder(Path dir, Set<String> notPeople) {
        List<LocalUser> out = new ArrayList<>();
        for (Path home : children(dir)) {
            String n = home.getFileName().toString();
            if (!notPeople.contains(n) && !n.startsWith(".")) {
                out.add(new LocalUser(n, -1, home));
            }
        }
        return out;
    }

    /** Folders whose sub-folders are removable media: each user's desktop mount folders and the configured ones. */
    public List<Path> mountParents() {
        List<Path> parents = new ArrayList<>();
        if (tables != null || os == OperatingSystem.LINUX) {
            for (LocalUser u : users) {
                if (!u.name().isEmpty()) {
                    parents.add(Path.of("/media", u.name()));
                    parents.add(Path.of("/run/media", u.name()));
                }
            }
        } else if (os == OperatingSystem.MAC) {
            parents.add(Path.of("/Volumes"));
        }
        extraMountParents.stream().filter(p -> !parents.contains(p)).forEach(parents::add);
        return parents;
    }

    /** Removable media mounted now, sorted by where. */
    public List<Medium> removableMedia() {
        List<Medium> media = new ArrayList<>();
        if (os == OperatingSystem.WINDOWS) {
            media.addAll(removableDrives());
        }
        if (tables != null) {
            try {
                media.addAll(LinuxMedia.find(MountTable.read(tables.mountInfo()), tables.sys(), mountParents()));
            } catch (IOException e) {
                LOG.warn("cannot read the mount table {}: {}", tables.mountInfo(), e.getMessage());
            }
        } else {
            media.addAll(subFolderMedia());
        }
        TreeMap<String, Medium> unique = new TreeMap<>();
        media.forEach(m -> unique.putIfAbsent(m.root().toString(), m));
        return List.copyOf(unique.values());
    }

    /** Where the removable media are mounted now. */
    public List<Path> removableRoots() {
        return removableMedia().stream().map(Medium::root).toList();
    }

    /** Drives whose type is removable (USB sticks, SD cards), whatever their file system. */
    private static List<Medium> removableDrives() {
        List<Medium> out = new ArrayList<>();
        for (Path root : java.nio.file.FileSystems.getDefault().getRootDirectories()) {
            try {
                var store = Files.getFileStore(root);
                if (Boolean.TRUE.equals(store.getAttribute("volume:isRemovable"))) {
                    out.add(new Medium(root, root.toString(), store.type(), true));
                }
            } catch (IOException | UnsupportedOperationException notReady) {
                // an empty card reader, a disconnected drive
            }
        }
        return out;
    }

    /** Each sub-folder of a mount parent; on macOS without the boot volume (a link to /, or on its store). */
    private List<Medium> subFolderMedia() {
        List<Medium> out = new ArrayList<>();
        Object bootStore = storeOf(Path.of("/"));
        for (Path parent : mountParents()) {
            for (Path child : children(parent)) {
                if (Files.isSymbolicLink(child) || os == OperatingSystem.MAC && bootStore != null && bootStore.equals(storeOf(child))) {
                    continue;
                }
                out.add(new Medium(child, child.toString(), "", false));
            }
        }
        return out;
    }

    private static Object storeOf(Path p) {
        try {
            return Files.getFileStore(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (Files.isDirectory(child)) {
                    out.add(child);
                }
            }
        } catch (IOException e) {
            // an unreadable folder has nothing we could scan
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /** The default cloud-sync folders that exist in each watched user's home. */
    public List<Path> cloudSyncRoots() {
        List<Path> roots = new ArrayList<>();
        for (LocalUser u : users) {
            roots.addAll(cloudSyncRoots(u.home()));
        }
        return roots;
    }

    private static List<Path> cloudSyncRoots(Path home) {
        List<Path> roots = new ArrayList<>();
        for (String name : List.of("Dropbox", "Google Drive", "GoogleDrive", "My Drive", "Box", "Box Sync", "iCloudDrive",
                "Library/Mobile Documents/com~apple~CloudDocs")) {
            Path p = home.resolve(name);
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        for (Path parent : List.of(home, home.resolve("Library/CloudStorage"))) {
            for (Path child : children(parent)) {
                String n = child.getFileName().toString();
                // OneDrive, "OneDrive - Example Corp", and macOS File Provider folders (OneDrive-Example, GoogleDrive-x@y)
                if (n.startsWith("OneDrive") || (parent.endsWith("CloudStorage")
                        && (n.startsWith("GoogleDrive") || n.startsWith("Dropbox") || n.startsWith("Box")))) {
                    roots.add(child);
                }
            }
        }
        return roots;
    }
}
