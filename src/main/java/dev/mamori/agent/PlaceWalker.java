package dev.mamori.agent;

import dev.mamori.alert.HealthProblem;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.state.FileStamp;
import dev.mamori.state.StateStore;
import dev.mamori.watch.Place;
import dev.mamori.watch.TreeWatcher;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery stage's walk of one place (first check, overflow rescan, periodic rescan): it
 * registers the place's folders with the watcher on the way and queues what needs judging. New and
 * changed files (by size, modification time, change time and file key, against one snapshot of the
 * place read in a single pass) are queued at once; files judged under older rule packs, and at exit
 * points every other file (judged there by content), are queued after them; the rest are passed
 * over right here. A walk that fails is a problem of its place, never the end of the walk thread.
 */
final class PlaceWalker {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceWalker.class);

    /** Exit-point kinds where a file is judged by its content, not its stamp (FAT sticks keep no change time). */
    static final Set<ExitPointKind> BY_CONTENT = Set.of(ExitPointKind.USB, ExitPointKind.CLOUD_SYNC, ExitPointKind.OUTBOX);

    private final StateStore state;
    private final TreeWatcher watcher;
    private final PassedOver passedOver;
    private final BiConsumer<Path, Place> enqueue;
    private final Set<Path> rejudging;
    private final Supplier<String> packsKey;
    private final BooleanSupplier running;
    private final AgentStatus status;
    private final Clock clock;

    /**
     * @param enqueue   queues a file (blocks while the queue is full)
     * @param rejudging where files queued for judging under newer packs are noted
     * @param packsKey  the packs in force now
     */
    PlaceWalker(StateStore state, TreeWatcher watcher, PassedOver passedOver, BiConsumer<Path, Place> enqueue,
                Set<Path> rejudging, Supplier<String> packsKey, BooleanSupplier running, AgentStatus status, Clock clock) {
        this.state = state;
        this.watcher = watcher;
        this.passedOver = passedOver;
        this.enqueue = enqueue;
        this.rejudging = rejudging;
        this.packsKey = packsKey;
        this.running = running;
        this.status = status;
        this.clock = clock;
    }

    void walk(Place place) {
        String prefix = place.root().toAbsolutePath().toString();
        Map<String, StateStore.Remembered> known = state.snapshot(prefix);
        long currentPacks = FileStamp.packsDigest(packsKey.get());
        boolean byContent = BY_CONTENT.contains(place.kind());
        List<Path> later = new ArrayList<>();
        try {
            Files.walkFileTree(place.root(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(place.root()) && passedOver.test(dir)) {
                        return FileVisitResult.SKIP_SUBTREE; // not even watched: its writes cost nothing
                    }
                    watcher.register(dir, place);
                    return running.getAsBoolean() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !f.getFileName().toString().endsWith(Quarantine.NOTE_SUFFIX)) {
                        StateStore.Remembered seen = known.get(f.toAbsolutePath().toString());
                        if (seen == null || !sameStamp(seen.stamp(), f, attrs)) {
                            enqueue.accept(f, place);
                        } else if (seen.packsDigest() != currentPacks) {
                            rejudging.add(f);
                            later.add(f);
                        } else if (byContent) {
                            later.add(f);
                        } else {
                            status.unchanged.incrementAndGet();
                        }
                    }
                    return running.getAsBoolean() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
            later.forEach(f -> enqueue.accept(f, place));
            status.resolved(HealthProblem.WALK_FAILED, place.root().toString());
        } catch (Throwable e) { // the timer thread must outlive any walk (a scheduled task that throws is never run again)
            status.problem(HealthProblem.WALK_FAILED, place.root().toString(), "cannot walk " + place.root() + ": " + e,
                    clock.instant());
            LOG.warn("cannot walk {}: {}", place.root(), e.toString());
        }
    }

    /** True when the file has the stamp remembered; the change time is read only when size and time agree. */
    private static boolean sameStamp(FileStamp seen, Path f, BasicFileAttributes attrs) {
        if (!seen.sameSizeAndTime(attrs.size(), attrs.lastModifiedTime().toMillis())) {
            return false;
        }
        try {
            return seen.equals(FileStamp.of(f, attrs));
        } catch (IOException gone) {
            return false;
        }
    }
}
