package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where files leave a laptop, per operating system: the folders under which removable media are
 * mounted, and the default cloud-sync folders in the user's home. Everything is computed from an
 * injected home, user name and OS, so tests can point it at temporary folders.
 *
 * @param os            "linux", "mac" or "windows"
 * @param home          the user's home
 * @param mountParents  folders whose sub-folders are removable media (watched for new mounts)
 */
public record ExitPoints(String os, Path home, List<Path> mountParents) {

    /** The exit points of this machine and user. */
    public static ExitPoints forThisMachine() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os = name.contains("win") ? "windows" : name.contains("mac") ? "mac" : "linux";
        Path home = Path.of(System.getProperty("user.home"));
        String user = System.getProperty("user.name");
        List<Path> parents = switch (os) {
            case "mac" -> List.of(Path.of("/Volumes"));
            case "windows" -> List.of(); // drive letters: see removableRoots()
            default -> List.of(Path.of("/media", user), Path.of("/run/media", user), Path.of("/mnt"));
        };
        return new ExitPoints(os, home, parents);
    }

    /** Mounted removable media now: each sub-folder of a mount parent (on Windows, FAT/exFAT drives). */
    public List<Path> removableRoots() {
        List<Path> roots = new ArrayList<>();
        if (os.equals("windows")) {
            for (Path root : java.nio.file.FileSystems.getDefault().getRootDirectories()) {
                try {
                    String type = Files.getFileStore(root).type().toUpperCase(Locale.ROOT);
                    if (type.contains("FAT") && !root.toString().toUpperCase(Locale.ROOT).startsWith("C:")) {
                        roots.add(root);
                    }
                } catch (IOException notReady) {
                    // an empty card reader or a disconnected drive
                }
            }
            return roots;
        }
        for (Path parent : mountParents) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
                for (Path child : children) {
                    // on macOS /Volumes also lists the boot disk, as a link to /
                    if (Files.isDirectory(child) && !Files.isSymbolicLink(child)) {
                        roots.add(child);
                    }
                }
            } catch (IOException e) {
                // unreadable mount parent: nothing mounted we could scan
            }
        }
        return roots;
    }

    /** The default cloud-sync folders that exist in the home. */
    public List<Path> cloudSyncRoots() {
        List<Path> roots = new ArrayList<>();
        for (String name : List.of("Dropbox", "Google Drive", "GoogleDrive", "My Drive", "Box", "Box Sync", "iCloudDrive",
                "Library/Mobile Documents/com~apple~CloudDocs")) {
            Path p = home.resolve(name);
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        for (Path parent : List.of(home, home.resolve("Library/CloudStorage"))) {
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
                for (Path child : children) {
                    String n = child.getFileName().toString();
                    // OneDrive, "OneDrive - Example Corp", and macOS File Provider folders (OneDrive-Example, GoogleDrive-x@y)
                    if (Files.isDirectory(child) && (n.startsWith("OneDrive") || (parent.endsWith("CloudStorage")
                            && (n.startsWith("GoogleDrive") || n.startsWith("Dropbox") || n.startsWith("Box"))))) {
                        roots.add(child);
                    }
                }
            } catch (IOException e) {
                // an unreadable folder has no sync roots we could scan
            }
        }
        return roots;
    }
}
