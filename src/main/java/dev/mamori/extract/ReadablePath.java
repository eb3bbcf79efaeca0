package dev.mamori.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path that another process can open from its string form. A file whose name is not valid in the
 * platform's file-name encoding (Shift_JIS names from an old zip or a FAT stick, Latin-1 names)
 * can be opened by this JVM, which keeps the name's bytes, but not from its decoded string: such a
 * file is reached through a symbolic link with a plain name in a private temporary folder.
 * Closing removes the link.
 */
final class ReadablePath implements AutoCloseable {

    private final Path path;
    private final Path linkDir;

    private ReadablePath(Path path, Path linkDir) {
        this.path = path;
        this.linkDir = linkDir;
    }

    static ReadablePath of(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (!PathNames.isLossy(abs)) {
            return new ReadablePath(abs, null);
        }
        Path dir = Files.createTempDirectory("mamori-name-");
        Path link = dir.resolve("file" + PathNames.asciiExtension(abs));
        try {
            Files.createSymbolicLink(link, abs);
        } catch (IOException | UnsupportedOperationException e) {
            Files.deleteIfExists(dir);
            throw new IOException("the file name cannot be decoded and no link to it can be made: " + e.getMessage(), e);
        }
        return new ReadablePath(link, dir);
    }

    Path path() {
        return path;
    }

    /**
     * True when {@code p} is a link this class made: in a {@code mamori-name-} folder of the
     * temporary folder that this process's user owns and nobody else may write. Only such a link is
     * followed when a file is opened ({@link dev.mamori.platform.RegularFile}); any other is refused.
     */
    static boolean isOurs(Path p) {
        Path dir = p.toAbsolutePath().getParent();
        if (dir == null || !Files.isSymbolicLink(p) || !dir.getFileName().toString().startsWith("mamori-name-")
                || !dir.getParent().equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            return false;
        }
        try {
            if (Files.isSymbolicLink(dir)) {
                return false;
            }
            long owner = dev.mamori.platform.ProcessUser.uidOf(dir);
            if (owner >= 0 && owner != dev.mamori.platform.ProcessUser.current().uid()) {
                return false;
            }
            var view = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                var perms = view.readAttributes().permissions();
                return perms.stream().noneMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (linkDir != null) {
            try {
                Files.deleteIfExists(path);
                Files.deleteIfExists(linkDir);
            } catch (IOException e) {
                // a stale link in the temp folder: harmless
            }
        }
    }
}
