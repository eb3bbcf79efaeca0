package dev.mamori.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.OwnerOnly;
import dev.mamori.state.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The quarantine folder: {@code <dir>/<id>/file} plus {@code <dir>/<id>/record.json}, owner-only.
 * A move within one file system is atomic; across file systems (a USB stick) the file is copied,
 * synced and checked before the original is removed. Thread-safe for distinct files.
 */
public final class Quarantine {

    /** Suffix of the note left where a quarantined file was. */
    public static final String NOTE_SUFFIX = ".mamori-quarantine.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Clock clock;

    public Quarantine(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Moves {@code file} into quarantine and leaves a note in its place. */
    public QuarantineRecord quarantine(Path file, String reason) throws IOException {
        return quarantine(file, reason, newId());
    }

    /** A fresh quarantine id, for callers that must name the record before they quarantine (the agent's alert). */
    public String newId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant())
                + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Moves {@code file} into quarantine under the id {@code id} (from {@link #newId()}) and leaves a note. */
    public QuarantineRecord quarantine(Path file, String reason, String id) throws IOException {
        String sha = ContentHash.sha256(file);
        Path box = OwnerOnly.directory(dir.resolve(id));
        Path target = box.resolve("file");
        move(file, target, sha);
        OwnerOnly.restrict(target);
        QuarantineRecord record = new QuarantineRecord(id, file.toAbsolutePath().toString(), clock.instant(), reason, sha, null);
        write(record);
        Files.writeString(note(file), noteText(record), StandardCharsets.UTF_8);
        return record;
    }

    /** Puts a quarantined file back where it was, byte for byte, and removes the note. */
    public QuarantineRecord restore(String id) throws IOException {
        QuarantineRecord record = find(id).orElseThrow(() -> new IOException("no quarantined file with id " + id));
        if (record.restored() != null) {
            throw new IOException("quarantine " + id + " was already restored on " + record.restored());
        }
        Path original = Path.of(record.original());
        if (Files.exists(original)) {
            throw new IOException(original + " exists again; move it away before restoring " + id);
        }
        Files.createDirectories(original.toAbsolutePath().getParent());
        move(dir.resolve(id).resolve("file"), original, record.sha256());
        Files.deleteIfExists(note(original));
        QuarantineRecord restored = new QuarantineRecord(record.id(), record.original(), record.time(), record.reason(),
                record.sha256(), clock.instant());
        write(restored);
        return restored;
    }

    public List<QuarantineRecord> list() throws IOException {
        List<QuarantineRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> boxes = Files.newDirectoryStream(dir)) {
            for (Path box : boxes) {
                Path json = box.resolve("record.json");
                if (Files.exists(json)) {
                    out.add(read(json));
                }
            }
        }
        out.sort((a, b) -> a.time().compareTo(b.time()));
        return out;
    }

    public Optional<QuarantineRecord> find(String id) throws IOException {
        Path json = dir.resolve(id).resolve("record.json");
        if (id.contains("/") || id.contains("\\") || id.contains("..") || !Files.exists(json)) {
            return Optional.empty();
        }
        return Optional.of(read(json));
    }

    static Path note(Path file) {
        return file.resolveSibling(file.getFileName() + NOTE_SUFFIX);
    }

    static String noteText(QuarantineRecord r) {
        return "このファイルは個人情報または機密情報を含むため、情報漏えい防止ソフト Mamori により隔離されました。\n"
                + "必要な場合は情報システム部門に隔離ID " + r.id() + " をお知らせください。\n"
                + "理由: " + r.reason() + "\n\n"
                + "This file was quarantined by Mamori, the data-loss-prevention agent, because it holds personal or\n"
                + "confidential information. If you need it, contact your IT department with quarantine id " + r.id() + ".\n"
                + "Reason: " + r.reason() + "\n";
    }

    private static void move(Path from, Path to, String expectedSha) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException crossDevice) {
            Path partial = to.resolveSibling(to.getFileName() + ".partial");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            try (var ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            if (!ContentHash.sha256(partial).equals(expectedSha)) {
                Files.delete(partial);
                throw new IOException("copy of " + from + " does not match the original; nothing was moved");
            }
            Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(from);
        }
    }

    private void write(QuarantineRecord r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id());
        o.put("original", r.original());
        o.put("time", r.time().toString());
        o.put("reason", r.reason());
        o.put("sha256", r.sha256());
        if (r.restored() != null) {
            o.put("restored", r.restored().toString());
        }
        Path json = dir.resolve(r.id()).resolve("record.json");
        Path tmp = json.resolveSibling("record.json.tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
        OwnerOnly.restrict(tmp);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static QuarantineRecord read(Path json) throws IOException {
        var o = JSON.readTree(json.toFile());
        return new QuarantineRecord(o.path("id").asText(), o.path("original").asText(), Instant.parse(o.path("time").asText()),
                o.path("reason").asText(), o.path("sha256").asText(),
                o.hasNonNull("restored") ? Instant.parse(o.path("restored").asText()) : null);
    }
}
