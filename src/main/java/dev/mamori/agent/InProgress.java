package dev.mamori.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable "this file is being judged" records, one small file each in {@code in-progress/} of the
 * data folder, written (and fsynced) before a file is read and deleted once its outcome is stored.
 * A record left over at start means the previous process died while judging that file: an
 * {@code OutOfMemoryError} (the JVM exits on it), a crash, or a plain {@code kill -9}. One death is
 * not proof (a power cut looks the same, and every worker's file is left over), so the file is
 * tried once more; a file that was in progress at {@link #POISON_AFTER} deaths is a poison file.
 * Thread-safe.
 */
final class InProgress {

    /** Deaths while judging the same unchanged file after which it is no longer tried. */
    static final int POISON_AFTER = 2;
    static final String FOLDER = "in-progress";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file that was being judged: its path, size and modification time then, and how many tries it has cost. */
    record Entry(String path, long size, long mtimeMillis, int attempts) {
        boolean poison() {
            return attempts >= POISON_AFTER;
        }
    }

    private final Path dir;
    /** Files left over by earlier processes and not yet judged to the end, by path. */
    private final Map<String, Entry> leftovers = new ConcurrentHashMap<>();

    InProgress(Path dataDir) throws IOException {
        this.dir = OwnerOnly.directory(dataDir.resolve(FOLDER));
    }

    /** Reads the records earlier processes left behind; each stays on disk until its file is judged to the end. */
    List<Entry> leftovers() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    var o = JSON.readTree(f.toFile());
                    Entry e = new Entry(o.path("path").asText(), o.path("size").asLong(), o.path("mtime").asLong(),
                            o.path("attempts").asInt(1));
                    leftovers.put(e.path(), e);
                    out.add(e);
                } catch (IOException unreadable) {
                    Files.deleteIfExists(f); // torn by the crash itself: the file will simply be judged again
                }
            }
        }
        return out;
    }

    /** Records, durably, that {@code path} is about to be judged; returns the record with its try count. */
    Entry begin(String path, long size, long mtimeMillis) throws IOException {
        Entry before = leftovers.get(path);
        int attempts = before != null && before.size() == size && before.mtimeMillis() == mtimeMillis
                ? before.attempts() + 1 : 1;
        Entry e = new Entry(path, size, mtimeMillis, attempts);
        ObjectNode o = JSON.createObjectNode().put("path", path).put("size", size).put("mtime", mtimeMillis)
                .put("attempts", attempts);
        Path target = file(path);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(o)));
            ch.force(true);
        }
        OwnerOnly.restrict(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return e;
    }

    /** The file's outcome is stored (or it needs no judging any more): forgets it. */
    void end(String path) throws IOException {
        leftovers.remove(path);
        Files.deleteIfExists(file(path));
    }

    private Path file(String path) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(h, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
