package dev.mamori.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches trees for files that arrive or change, and tells its {@link Listener} about each file
 * once the file has stopped changing for the debounce time. Blocks on the WatchService while
 * nothing happens: an idle agent uses no CPU. The debounce timer runs only while files are pending.
 *
 * <p>Thread-safe; {@link #run()} is the event loop, on one thread.
 */
public final class TreeWatcher implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TreeWatcher.class);

    /** Receives the watcher's findings. Called from the watcher's threads; may block (back-pressure). */
    public interface Listener {
        /** A file arrived or changed and has been quiet for the debounce time. */
        void settled(Path file, Place place);

        /** Every file of the place should be checked (at start, after an OVERFLOW, for a new medium). */
        void rescan(Place place);
    }

    private record Pending(Place place, long lastEventNanos, long size) {
    }

    private final WatchService service;
    private final Duration debounce;
    private final Listener listener;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Map<Path, Place> placeOfDir = new ConcurrentHashMap<>();
    private final Map<Path, Pending> pending = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mamori-debounce");
        t.setDaemon(true);
        return t;
    });
    private boolean timerScheduled;
    private final AtomicLong deletedBeforeScan = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();
    private volatile boolean closed;

    public TreeWatcher(WatchService service, Duration debounce, Listener listener) {
        this.service = service;
        this.debounce = debounce;
        this.listener = listener;
    }

    /** Files deleted while waiting to settle. */
    public long deletedBeforeScan() {
        return deletedBeforeScan.get();
    }

    public long overflows() {
        return overflows.get();
    }

    /**
     * Watches a tree and asks the listener for a full check of it; the listener's walk registers the
     * sub-folders through {@link #register} as it goes, so a tree is walked once, not twice.
     */
    public void watch(Place place) throws IOException {
        register(place.root(), place);
        listener.rescan(place);
    }

    /** Watches one folder of a place (not recursive); registering a folder twice is harmless. */
    public void register(Path dir, Place place) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            dirs.put(key, dir);
            placeOfDir.put(dir, place);
        } catch (IOException e) {
            LOG.warn("cannot watch {}: {}", dir, e.getMessage());
        }
    }

    private void registerTree(Path root, Place place) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                register(dir, place);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void run() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
            try {
                handle(key);
            } catch (RuntimeException e) {
                LOG.error("watch event failed: {}", e.toString());
            }
            if (!key.reset()) {
                dirs.remove(key);
            }
        }
    }

    private void handle(WatchKey key) {
        Path dir = dirs.get(key);
        if (dir == null) {
            return;
        }
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflows.incrementAndGet();
                Place place = placeOfDir.get(dir);
                if (place != null) {
                    LOG.info("event overflow under {}: rescanning {}", dir, place.root());
                    listener.rescan(place);
                }
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            Place place = placeOfDir.get(dir);
            if (place == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                deleted(child);
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                    arrivedTree(child, place); // a new folder, or a tree moved in
                }
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                touched(child, place);
            }
        }
    }

    private void arrivedTree(Path dir, Place place) {
        try {
            registerTree(dir, place);
            try (var files = Files.walk(dir)) {
                files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> touched(p, place));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("cannot read new folder {}: {}", dir, e.getMessage());
        }
    }

    private synchronized void touched(Path file, Place place) {
        pending.put(file, new Pending(place, System.nanoTime(), sizeOf(file)));
        if (!timerScheduled) {
            timerScheduled = true;
            timer.schedule(this::settle, debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void deleted(Path file) {
        if (pending.remove(file) != null) {
            deletedBeforeScan.incrementAndGet();
        }
        // a deleted folder: forget pending files under it
        Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getKey().startsWith(file)) {
                it.remove();
                deletedBeforeScan.incrementAndGet();
            }
        }
    }

    /** Hands over files quiet for the debounce time whose size stopped changing; reschedules for the rest. */
    private void settle() {
        Map<Path, Place> ready = new HashMap<>();
        long nextDelay;
        synchronized (this) {
            long now = System.nanoTime();
            long earliest = Long.MAX_VALUE;
            Iterator<Map.Entry<Path, Pending>> it = pending.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Pending p = e.getValue();
                long quiet = now - p.lastEventNanos();
                if (quiet < debounce.toNanos()) {
                    earliest = Math.min(earliest, debounce.toNanos() - quiet);
                    continue;
                }
                long size = sizeOf(e.getKey());
                if (size < 0) {
                    it.remove();
                    deletedBeforeScan.incrementAndGet();
                } else if (size != p.size()) { // still being written without events (network copies)
                    e.setValue(new Pending(p.place(), now, size));
                    earliest = Math.min(earliest, debounce.toNanos());
                } else {
                    it.remove();
                    ready.put(e.getKey(), p.place());
                }
            }
            nextDelay = earliest == Long.MAX_VALUE ? -1 : Math.max(1, earliest / 1_000_000);
            timerScheduled = nextDelay >= 0;
            if (timerScheduled) {
                timer.schedule(this::settle, nextDelay, TimeUnit.MILLISECONDS);
            }
        }
        ready.forEach(listener::settled); // outside the lock: the listener may block on a full queue
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        timer.shutdownNow();
        service.close();
    }
}
