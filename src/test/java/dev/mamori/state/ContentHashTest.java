package dev.mamori.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content hash behind "same content, same verdict": of the part that is judged, and the size beyond it. */
class ContentHashTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void aFileWithinTheLimitHashesAsItsPlainSha256() throws Exception {
        byte[] content = bytes(200_000, 1);
        Path f = file("a.bin", content);
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(ContentHash.sha256(f)).isEqualTo(plain);
        assertThat(ContentHash.bounded(f, 200_000)).as("exactly at the limit").isEqualTo(plain);
        assertThat(ContentHash.bounded(f, 1_000_000)).isEqualTo(plain);
    }

    @Test
    void beyondTheLimitTheSizeCountsButTheUnjudgedBytesDoNot() throws Exception {
        byte[] head = bytes(100_000, 2);
        byte[] longer = Arrays.copyOf(head, 150_000);
        byte[] sameSizeOtherTail = Arrays.copyOf(head, 150_000);
        sameSizeOtherTail[149_999] = 42;
        Path a = file("a.bin", longer);
        Path b = file("b.bin", sameSizeOtherTail);
        Path grown = file("grown.bin", Arrays.copyOf(head, 160_000));
        Path judgedPartOnly = file("head.bin", head);

        String ha = ContentHash.bounded(a, 100_000);
        assertThat(ContentHash.bounded(b, 100_000)).as("the same judged part and size: the same verdict holds").isEqualTo(ha);
        assertThat(ContentHash.bounded(grown, 100_000)).as("grown beyond the limit").isNotEqualTo(ha);
        assertThat(ContentHash.bounded(judgedPartOnly, 100_000)).as("cut back to the limit").isNotEqualTo(ha);
        assertThat(ContentHash.sha256(a)).as("the whole-file hash sees the tail").isNotEqualTo(ContentHash.sha256(b));
    }
}
