package dev.mamori.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.OwnerOnly;
import dev.mamori.platform.ProcessUser;
import dev.mamori.state.ContentHash;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The quarantine folder: {@code <dir>/<id>/file} plus {@code <dir>/<id>/record.json}, owner-only,
 * and {@code <dir>/released/}: the admins' decisions that a content at a path may stay there.
 * A move within one file system is atomic; across file systems (a USB stick) the file is copied,
 * synced and checked before the original is removed. Thread-safe for distinct files.
 */
public final class Quarantine {

    /** Suffix of the note left where a quarantined file was. */
    public static final String NOTE_SUFFIX = ".mamori-quarantine.txt";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    /** Uids below this are system accounts (Debian's policy): no person logs in as one. */
    static final long SYSTEM_ACCOUNTS_BELOW = 1000;

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

    /**
     * Moves {@code file} into quarantine under the id {@code id} (from {@link #newId()}) and leaves
     * a note. Its mode, owner and real folder are recorded first, for the restore.
     */
    public QuarantineRecord quarantine(Path file, String reason, String id) throws IOException {
        Path original = file.toAbsolutePath();
        String sha = ContentHash.sha256(original);
        var posix = Files.getFileAttributeView(original, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        String mode = posix == null ? null : PosixFilePermissions.toString(posix.readAttributes().permissions());
        String owner = posix == null ? null : posix.getOwner().getName();
        String realParent = original.getParent().toRealPath().toString();
        OwnerOnly.directory(dir);
        Path box = OwnerOnly.directory(dir.resolve(id));
        Path target = box.resolve("file");
        move(original, target, sha);
        OwnerOnly.restrict(target);
        QuarantineRecord record = new QuarantineRecord(id, original.toString(), clock.instant(), reason, sha, realParent,
                mode, owner, null, null, null);
        write(record);
        Files.writeString(note(original), noteText(record), StandardCharsets.UTF_8);
        return record;
    }

    /**
     * Puts a quarantined file back where it was, byte for byte, with its mode (and, run as root,
     * its owner), removes the note and records the decision: that content at that path is not
     * quarantined again ({@link #released}). The record is trusted only if {@code by} owns it and
     * nobody else can write it, so a restore never acts with more rights than the quarantine's
     * owner. Refused, with the reason: a path outside the watched places ({@code watched} says
     * which are), a folder that is gone (none is created) or has become a symbolic link, and a
     * path where something exists again (never replaced, not even in a race).
     */
    public QuarantineRecord restore(String id, ProcessUser by, String note, Predicate<Path> watched) throws IOException {
        QuarantineRecord record = find(id).orElseThrow(() -> new IOException("no quarantined file with id " + id));
        Path box = dir.resolve(id);
        requireTrusted(by, dir, box, box.resolve("record.json"));
        if (record.restored() != null) {
            throw new IOException("quarantine " + id + " was already restored on " + record.restored() + " by " + record.restoredBy());
        }
        // the file itself may still belong to its owner (moved, not copied): what matters is that only we can reach it
        if (!Files.isRegularFile(box.resolve("file"), LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("quarantine " + id + " holds no file");
        }
        Path original = Path.of(record.original());
        Path parent = original.getParent();
        if (!original.isAbsolute() || parent == null || !original.normalize().equals(original) || !watched.test(original)) {
            throw new IOException(original + " is not in a place the agent watches; restore refused");
        }
        if (!Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(parent)) {
            throw new IOException("the folder " + parent + " is not there (a medium not plugged in?); restores create no folders");
        }
        String expectedParent = record.realParent() != null ? record.realParent() : parent.toString();
        if (!parent.toRealPath().toString().equals(expectedParent)) {
            throw new IOException("the folder " + parent + " now leads to " + parent.toRealPath()
                    + " (a symbolic link on the way); restore refused");
        }
        if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(original + " exists again; move it away before restoring " + id);
        }
        release(record); // before the file is back, so that a running agent never quarantines it again
        place(box.resolve("file"), original, record.sha256());
        putBackModeAndOwner(original, record, by);
        Files.deleteIfExists(note(original));
        QuarantineRecord restored = record.restoredAt(clock.instant(), by.describe(), note);
        write(restored);
        if (by.isRoot()) { // what root wrote stays the quarantine owner's (the system service's)
            Path released = dir.resolve("released");
            for (Path p : List.of(released, released.resolve(releaseName(record.original(), record.sha256())), box.resolve("record.json"))) {
                giveToOwnerOf(dir, p);
            }
        }
        return restored;
    }

    /** Whether an admin restored this content ({@code sha256}) at this path: then it stays. */
    public boolean released(String path, String sha256) {
        // lstat, not access(2), which ignores the capabilities the system service reads with
        return Files.exists(dir.resolve("released").resolve(releaseName(path, sha256)), LinkOption.NOFOLLOW_LINKS);
    }

    public List<QuarantineRecord> list() throws IOException {
        List<QuarantineRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> boxes = Files.newDirectoryStream(dir)) {
            for (Path box : boxes) {
                Path json = box.resolve("record.json");
                if (Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(read(json));
                }
            }
        }
        out.sort((a, b) -> a.time().compareTo(b.time()));
        return out;
    }

    public Optional<QuarantineRecord> find(String id) throws IOException {
        Path json = dir.resolve(id).resolve("record.json");
        if (id.contains("/") || id.contains("\\") || id.contains("..") || !Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Only what {@code by} owns and nobody else may write is believed: a forged record must not
     * steer a restore. Root also believes a system account's quarantine (the system service's,
     * which no person can log in as); never a person's, whose records that person can write.
     */
    private static void requireTrusted(ProcessUser by, Path... paths) throws IOException {
        for (Path p : paths) {
            var posix = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (posix == null || by.uid() < 0) {
                return; // no POSIX owners here: the data folder's ACL guards it
            }
            var attrs = posix.readAttributes();
            long uid = ProcessUser.uidOf(p);
            if (uid != by.uid() && !(by.isRoot() && uid < SYSTEM_ACCOUNTS_BELOW)) {
                throw new IOException(p + " belongs to " + attrs.owner().getName() + ", not to " + by.name()
                        + ": run the restore as " + attrs.owner().getName() + " (it never acts with more rights than the quarantine's owner)");
            }
            if (attrs.isSymbolicLink() || attrs.permissions().stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
                throw new IOException(p + " can be changed by others (" + PosixFilePermissions.toString(attrs.permissions())
                        + "); its record is not trusted and the restore is refused");
            }
        }
    }

    private static void giveToOwnerOf(Path keeper, Path p) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) != null) {
            Files.setAttribute(p, "unix:uid", Files.getAttribute(keeper, "unix:uid", LinkOption.NOFOLLOW_LINKS), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(p, "unix:gid", Files.getAttribute(keeper, "unix:gid", LinkOption.NOFOLLOW_LINKS), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private void release(QuarantineRecord r) throws IOException {
        Path released = OwnerOnly.directory(dir.resolve("released"));
        ObjectNode o = JSON.createObjectNode().put("id", r.id()).put("sha256", r.sha256()).put("at", clock.instant().toString());
        Path tmp = released.resolve(releaseName(r.original(), r.sha256()) + ".tmp");
        Files.writeString(tmp, o.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, released.resolve(releaseName(r.original(), r.sha256())), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The decision's file name: a hash of path and content, so that the folder names no file. */
    private static String releaseName(String path, String sha256) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((path + "\u0000" + sha256).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The quarantined file back at {@code to}, never replacing anything: a hard link (atomic, fails
     * if the name exists) where the file system allows, else a copy that creates the file
     * exclusively (no symbolic link followed), synced and checked.
     */
    private static void place(Path from, Path to, String expectedSha) throws IOException {
        try {
            Files.createLink(to, from);
            Files.delete(from);
            return;
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(to + " appeared while restoring; nothing was replaced");
        } catch (FileSystemException | UnsupportedOperationException noHardLink) {
            // another file system (a USB stick), or one without hard links (FAT): copy instead
        }
        try {
            Files.copy(from, to);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(to + " appeared while restoring; nothing was replaced");
        }
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        }
        if (!ContentHash.sha256(to).equals(expectedSha)) {
            Files.delete(to);
            throw new IOException("the copy at " + to + " does not match the quarantined file; it was removed again");
        }
        Files.delete(from);
    }

    private static void putBackModeAndOwner(Path file, QuarantineRecord r, ProcessUser by) throws IOException {
        var posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix == null) {
            return;
        }
        if (by.isRoot() && r.owner() != null) {
            posix.setOwner(file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(r.owner()));
        }
        if (r.mode() != null) {
            posix.setPermissions(PosixFilePermissions.fromString(r.mode()));
        }
    }

    private static void move(Path from, Path to, String expectedSha) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException crossDevice) {
            Path partial = to.resolveSibling(to.getFileName() + ".partial");
            Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
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
        putIfSet(o, "real_parent", r.realParent());
        putIfSet(o, "mode", r.mode());
        putIfSet(o, "owner", r.owner());
        putIfSet(o, "restored", r.restored() == null ? null : r.restored().toString());
        putIfSet(o, "restored_by", r.restoredBy());
        putIfSet(o, "note", r.note());
        Path json = dir.resolve(r.id()).resolve("record.json");
        Path tmp = json.resolveSibling("record.json.tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
        OwnerOnly.restrict(tmp);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static QuarantineRecord read(Path json) throws IOException {
        JsonNode o = JSON.readTree(json.toFile());
        return new QuarantineRecord(o.path("id").asText(), o.path("original").asText(), Instant.parse(o.path("time").asText()),
                o.path("reason").asText(), o.path("sha256").asText(), text(o, "real_parent"), text(o, "mode"),
                text(o, "owner"), o.hasNonNull("restored") ? Instant.parse(o.path("restored").asText()) : null,
                text(o, "restored_by"), text(o, "note"));
    }

    private static String text(JsonNode o, String field) {
        return o.hasNonNull(field) ? o.path(field).asText() : null;
    }
}
