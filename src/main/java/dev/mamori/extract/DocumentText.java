package dev.mamori.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The text of one document: held in memory while small, otherwise spooled to a file that only
 * this process can reach ({@link TextSpool}), so a 100 MB customer list costs disk, not heap.
 * Detection reads a spooled text in windows ({@link #reader()}).
 *
 * <p>Whoever receives an {@link ExtractedDocument} closes it when done, which frees the spool;
 * a text in memory needs no closing. Readers may be opened more than once, one at a time or
 * together. Equal when both are in memory and hold the same text.
 */
public final class DocumentText implements AutoCloseable {

    private static final DocumentText EMPTY = new DocumentText("", null, 0, true);

    private final String inMemory;
    private final FileChannel spool;
    private final int length;
    private final boolean blank;

    private DocumentText(String inMemory, FileChannel spool, int length, boolean blank) {
        this.inMemory = inMemory;
        this.spool = spool;
        this.length = length;
        this.blank = blank;
    }

    public static DocumentText of(String text) {
        return text == null || text.isEmpty() ? EMPTY : new DocumentText(text, null, text.length(), text.isBlank());
    }

    /** A text written to {@code spool} as UTF-8: {@code length} chars, {@code blank} when all whitespace. */
    static DocumentText spooled(FileChannel spool, int length, boolean blank) {
        return new DocumentText(null, spool, length, blank);
    }

    /** Characters of text. */
    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public boolean isBlank() {
        return blank;
    }

    /** True when the text lies in a spool file rather than in memory. */
    public boolean isSpooled() {
        return spool != null;
    }

    /**
     * The whole text as one string. For a spooled text this reads all of it into memory: for tools
     * that show or re-read a document ({@code rules test}, {@code impact}), never for the agent.
     */
    public String asString() {
        if (spool == null) {
            return inMemory;
        }
        try (Reader r = reader()) {
            StringBuilder b = new StringBuilder(length);
            char[] buf = new char[1 << 16];
            for (int n; (n = r.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a spooled text", e);
        }
    }

    /** The text from its start. */
    public Reader reader() {
        if (spool == null) {
            return new StringReader(inMemory);
        }
        return new InputStreamReader(new PositionalStream(spool), StandardCharsets.UTF_8);
    }

    /** Frees the spool file (it has no name on disk: closing it is deleting it). */
    @Override
    public void close() {
        if (spool != null) {
            try {
                spool.close();
            } catch (IOException e) {
                // closing a file we only read: nothing to lose
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof DocumentText t && spool == null && t.spool == null && inMemory.equals(t.inMemory);
    }

    @Override
    public int hashCode() {
        return spool == null ? inMemory.hashCode() : System.identityHashCode(spool);
    }

    @Override
    public String toString() {
        // never the text itself: it is raw personal data
        return (spool == null ? "text" : "spooled text") + "[" + length + " chars]";
    }

    /** Reads a channel from the start with positional reads, so several readers can share it. */
    private static final class PositionalStream extends InputStream {
        private final FileChannel channel;
        private long position;

        PositionalStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
