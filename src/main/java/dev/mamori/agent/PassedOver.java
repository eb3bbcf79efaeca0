package dev.mamori.agent;

import dev.mamori.scan.PathExclusions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent never queues or judges: its own data, log and alert files (even inside a watched
 * tree, so that its own writes do not feed it), and the paths the rule packs exclude, applied as
 * {@code scan} applies them. Thread-safe; the exclusions change with the packs on reload.
 */
final class PassedOver {

    private final List<Path> ownFolders;
    private volatile PathExclusions exclusions;

    PassedOver(List<Path> ownFolders, PathExclusions exclusions) {
        List<Path> out = new ArrayList<>();
        for (Path p : ownFolders) {
            out.add(p.toAbsolutePath().normalize());
            try {
                out.add(p.toRealPath());
            } catch (IOException notThere) {
                // not created yet: its given form is enough
            }
        }
        this.ownFolders = List.copyOf(out);
        this.exclusions = exclusions;
    }

    /**
     * The data folder, the log folder (as logback.xml finds it: {@code MAMORI_LOG_DIR}, else
     * {@code ~/.mamori/logs}) and the JSON Lines file, if any.
     */
    static List<Path> ownFolders(Path data, Path jsonl) {
        List<Path> own = new ArrayList<>();
        String logDir = System.getenv("MAMORI_LOG_DIR");
        own.add(data);
        own.add(logDir != null && !logDir.isBlank() ? Path.of(logDir)
                : Path.of(System.getProperty("user.home"), ".mamori", "logs"));
        if (jsonl != null) {
            own.add(jsonl);
        }
        return own;
    }

    void exclusions(PathExclusions newExclusions) {
        this.exclusions = newExclusions;
    }

    boolean test(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Path own : ownFolders) {
            if (abs.startsWith(own)) {
                return true;
            }
        }
        return exclusions.excludes(p);
    }
}
