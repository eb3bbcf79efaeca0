package dev.mamori.alert;

import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the alert chain is keyed with: record n stores
 * {@code HMAC-SHA256(key, hash(n-1) + "\n" + json(n))}, so rewriting the trail needs the key and
 * not only write access to the store. It lives in {@value #FILE} inside the store's folder (the
 * agent's data folder), created readable by its owner only: in system mode the watched user can
 * read neither it nor the store. 32 random bytes, written as 64 hex digits. Immutable, thread-safe.
 */
public final class ChainKey {

    public static final String FILE = "chain.key";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ChainKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** Where the key of the store in {@code storeDir} lives. */
    public static Path fileOf(Path storeDir) {
        return storeDir.resolve(FILE);
    }

    /**
     * The store's key, created on first use. Created owner-only from the start (no moment where
     * another user could read it) and moved into place without replacing: of two processes creating
     * it at once, both end up with the one that won.
     */
    public static ChainKey loadOrCreate(Path storeDir) throws IOException {
        Path file = fileOf(storeDir);
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path tmp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        if (Files.getFileAttributeView(storeDir, PosixFileAttributeView.class) != null) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        OwnerOnly.restrict(tmp);
        Files.writeString(tmp, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file); // no REPLACE_EXISTING: never overwrite a key that chains records
        } catch (FileAlreadyExistsException lostTheRace) {
            Files.delete(tmp);
            return read(file);
        }
        return new ChainKey(secret);
    }

    /** What a reader (mamori verify) got when it looked for the key. */
    public sealed interface Lookup {
        record Found(ChainKey key) implements Lookup {
        }

        /** @param reason why not: no such file, permission denied, malformed */
        record Unavailable(Path file, String reason) implements Lookup {
        }
    }

    /** The key of the store in {@code storeDir}, if this process can read it; never creates one. */
    public static Lookup lookup(Path storeDir) {
        Path file = fileOf(storeDir);
        try {
            return new Lookup.Found(read(file));
        } catch (NoSuchFileException e) {
            return new Lookup.Unavailable(file, "no such file");
        } catch (AccessDeniedException e) {
            return new Lookup.Unavailable(file, "permission denied (run as the agent's user)");
        } catch (IOException e) {
            return new Lookup.Unavailable(file, e.getMessage());
        }
    }

    /** Reads a key file (64 hex digits); a malformed one is an error naming the file. */
    public static ChainKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9a-f]{64}")) {
            throw new IOException(file + ": not a chain key (expected 64 lower-case hex digits)");
        }
        return new ChainKey(HexFormat.of().parseHex(text));
    }

    /** The keyed hash of a record following {@code previous}. */
    public String of(String previous, String json) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(previous.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            mac.update(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }
}
