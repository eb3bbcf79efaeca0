package dev.mamori.scan;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The rule packs' {@code exclusions.paths} (globs), as {@code scan} and the agent both apply them:
 * a path is excluded when a glob matches it as given or made absolute. Immutable, thread-safe.
 */
public final class PathExclusions {

    private final List<PathMatcher> excluded;

    public PathExclusions(List<String> globs) {
        this.excluded = globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    public boolean excludes(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (PathMatcher m : excluded) {
            if (m.matches(abs) || m.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
