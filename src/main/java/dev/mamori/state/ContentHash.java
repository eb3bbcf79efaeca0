package dev.mamori.state;

import dev.mamori.platform.RegularFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's content, as lower-case hex: how the agent recognises a file it has seen. */
public final class ContentHash {

    private ContentHash() {
    }

    /** The SHA-256 of the whole file. */
    public static String sha256(Path file) throws IOException {
        return bounded(file, Long.MAX_VALUE);
    }

    /**
     * The SHA-256 of the file's first {@code limit} bytes: for a file no larger than the limit (the
     * scan limit: the part that is judged), the plain SHA-256 of its content; for a larger one, of
     * its first {@code limit} bytes followed by its size, so that a file grown or cut beyond the
     * limit still hashes differently. Reads at most {@code limit} bytes.
     */
    public static String bounded(Path file, long limit) throws IOException {
        try (var channel = RegularFile.open(file); InputStream in = java.nio.channels.Channels.newInputStream(channel)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long left = limit;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                md.update(buf, 0, n);
                left -= n;
            }
            if (left == 0 && in.read() >= 0) { // larger than the limit
                md.update(("\u0000size=" + channel.size()).getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
