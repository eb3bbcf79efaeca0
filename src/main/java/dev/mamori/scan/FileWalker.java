package dev.mamori.scan;

import dev.mamori.extract.PathNames;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the paths to scan: regular files, recursively through folders, never following links
 * (a link could lead out of the tree or into a loop). Excluded paths (globs from the rule packs)
 * are passed over; unreadable folders are reported, not fatal. A name that is not valid UTF-8 is
 * shown with its odd bytes escaped ({@link PathNames#display}), and the file is still read.
 */
final class FileWalker {

    /** A file to scan, or a place that could not be walked ({@code problem}) or is not read ({@code skipped}). */
    record Entry(Path file, String display, String problem, String skipped) {
    }

    private final PathExclusions excluded;

    FileWalker(List<String> excludedGlobs) {
        this.excluded = new PathExclusions(excludedGlobs);
    }

    void walk(List<Path> roots, Consumer<Entry> sink) {
        for (Path root : roots) {
            if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                sink.accept(new Entry(root, root.toString(), "no such file or folder", null));
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
                        if (isExcluded(file)) {
                            return FileVisitResult.CONTINUE; // excluded on purpose by the rule packs
                        }
                        if (attrs.isRegularFile()) {
                            sink.accept(new Entry(file, PathNames.display(file), null, null));
                        } else {
                            sink.accept(new Entry(file, PathNames.display(file), null, attrs.isSymbolicLink()
                                    ? "symbolic link not followed" : "not a regular file"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        sink.accept(new Entry(file, PathNames.display(file), "cannot read: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage()), null));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                sink.accept(new Entry(root, root.toString(), "cannot walk: " + e.getMessage(), null));
            }
        }
    }

    private boolean isExcluded(Path p) {
        return excluded.excludes(p);
    }
}
