package dev.mamori.extract;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * Where a parser writes one document's text: in memory up to the memory allowance, then into a
 * spool file. The file is created new (never an existing name, never through a link), readable by
 * this account only, and opened delete-on-close, which on POSIX unlinks it at once: it has no name
 * another user could open, and it vanishes with the process whatever happens. The text's size is
 * bounded by the character limit, not here. Not thread-safe.
 */
final class TextSpool extends Writer {

    /** A spool file that could not be created or written: the document's text could not be held. */
    static final class SpoolException extends IOException {
        SpoolException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Budget budget;
    private final int memoryChars;
    private StringBuilder memory = new StringBuilder();
    private FileChannel file;
    private Writer encoder;
    private int length;
    private boolean blank = true;
    private boolean finished;

    /**
     * The chars of text the documents of one file may keep in memory, all together: a zip of many
     * middling members spools them instead of holding them all.
     */
    static final class Budget {
        private long left;

        Budget(long chars) {
            this.left = chars;
        }

        TextSpool spool() {
            return new TextSpool(this, (int) Math.min(Integer.MAX_VALUE, Math.max(0, left)));
        }
    }

    /** Documents of one file keep this many chars in memory together (8 MB); the rest is spooled. */
    static final long FILE_MEMORY_CHARS = 4L * 1024 * 1024;

    static Budget budget() {
        return new Budget(FILE_MEMORY_CHARS);
    }

    private TextSpool(Budget budget, int memoryChars) {
        this.budget = budget;
        this.memoryChars = memoryChars;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (finished) {
            throw new IOException("spool already finished");
        }
        for (int i = off; blank && i < off + len; i++) {
            blank = Character.isWhitespace(chars[i]);
        }
        length += len;
        if (file == null && memory.length() + len <= memoryChars) {
            memory.append(chars, off, len);
            return;
        }
        if (file == null) {
            spill();
        }
        try {
            encoder.write(chars, off, len);
        } catch (IOException e) {
            throw new SpoolException("cannot write the text's spool file: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        char[] slice = new char[len]; // only the part written: a worker's pieces are a million chars each
        s.getChars(off, off + len, slice, 0);
        write(slice, 0, len);
    }

    private void spill() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path name = dir.resolve("mamori-text-" + HexFormat.of().formatHex(randomBytes()) + ".spool");
        try {
            file = FileChannel.open(name, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE), ownerOnly());
        } catch (IOException e) {
            throw new SpoolException("cannot create a spool file for the text in " + dir + ": " + e.getMessage(), e);
        }
        // the stream is never closed: closing it would close (and delete) the file
        encoder = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        try {
            encoder.write(memory.toString());
        } catch (IOException e) {
            throw new SpoolException("cannot write the text's spool file: " + e.getMessage(), e);
        }
        memory = null;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** True once the text outgrew memory. */
    boolean spilled() {
        return file != null;
    }

    /** The text so far, while it is still in memory. */
    String memoryText() {
        if (file != null) {
            throw new IllegalStateException("the text is spooled");
        }
        return memory.toString();
    }

    /** Chars written so far. */
    int length() {
        return length;
    }

    /** The text written, now owned by the caller (who closes it). The spool takes no more writes. */
    DocumentText finish() throws SpoolException {
        if (file == null) {
            finished = true;
            String text = memory.toString();
            budget.left -= text.length();
            return DocumentText.of(text);
        }
        try {
            encoder.flush();
            finished = true;
        } catch (IOException e) {
            close();
            throw new SpoolException("cannot write the text's spool file: " + e.getMessage(), e);
        }
        return DocumentText.spooled(file, length, blank);
    }

    @Override
    public void flush() {
        // written out at finish
    }

    /** Discards an unfinished spool (the parse was abandoned); a finished one belongs to its text. */
    @Override
    public void close() {
        if (!finished && file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // being thrown away
            }
        }
        finished = true;
    }
}
