package dev.mamori.agent;

import dev.mamori.platform.ExitPoints;
import dev.mamori.platform.Medium;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows removable media as they come and go: polled on the housekeeping thread, it reads the
 * exit points' media (on Linux the mount table, a small file) and hands each new one to
 * {@code mounted}, each one gone to {@code removed}, logging both. A mount parent that does not
 * exist yet when the agent starts ({@code /media/taro} before the first stick) costs nothing: the
 * next mount appears in the table. Not thread-safe: one poller.
 */
final class MediaMonitor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaMonitor.class);

    private final ExitPoints exitPoints;
    private final Consumer<Medium> mounted;
    private final Consumer<Path> removed;
    private Map<Path, Medium> known = new LinkedHashMap<>();

    MediaMonitor(ExitPoints exitPoints, Consumer<Medium> mounted, Consumer<Path> removed) {
        this.exitPoints = exitPoints;
        this.mounted = mounted;
        this.removed = removed;
    }

    /** The media mounted at start, remembered without a log line each (the start lists its places). */
    Map<Path, Medium> start() {
        known = current();
        return known;
    }

    @Override
    public void run() {
        try {
            Map<Path, Medium> now = current();
            for (Medium m : now.values()) {
                if (!known.containsKey(m.root())) {
                    LOG.info("removable medium mounted at {} ({} {}{}): watching it", m.root(), m.fsType(), m.source(),
                            m.removableFlag() ? ", removable device" : "");
                    mounted.accept(m);
                }
            }
            for (Path root : known.keySet()) {
                if (!now.containsKey(root)) {
                    LOG.info("removable medium at {} is gone", root);
                    removed.accept(root);
                }
            }
            known = now;
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.warn("cannot follow removable media: {}", e.toString());
        }
    }

    private Map<Path, Medium> current() {
        Map<Path, Medium> out = new LinkedHashMap<>();
        exitPoints.removableMedia().forEach(m -> out.put(m.root(), m));
        return out;
    }
}
