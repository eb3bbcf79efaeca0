package dev.mamori.scan;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the paths to scan: regular files, recursively through folders, never following links
 * (a link could lead out of the tree or into a loop). Excluded paths (globs from the rule packs)
 * are passed over; unreadable folders are reported, not fatal.
 */
final class FileWalker {

    /** A file to scan, or a place that could not be walked. */
    record Entry(Path file, String display, String problem) {
    }

    private final List<PathMatcher> excluded;

    FileWalker(List<String> excludedGlobs) {
        this.excluded = excludedGlobs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    void walk(List<Path> roots, Consumer<Entry> sink) {
        for (Path root : roots) {
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                sink.accept(new Entry(root, root.toString(), "no such file or folder"));
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return isExcluded(dir) && !dir.equals(root) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !isExcluded(file)) {
                            sink.accept(new Entry(file, file.toString(), null));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        sink.accept(new Entry(file, file.toString(), "cannot read: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage())));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                sink.accept(new Entry(root, root.toString(), "cannot walk: " + e.getMessage()));
            }
        }
    }

    private boolean isExcluded(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (PathMatcher m : excluded) {
            if (m.matches(abs) || m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
