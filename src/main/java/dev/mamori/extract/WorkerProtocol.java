package dev.mamori.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The byte protocol between a scan and its extraction workers, over the worker's stdin/stdout.
 * Request: file path, display path, the keys of members to skip. Response: a stream of events as the
 * worker proceeds — {@link #BEGIN} (key, path), {@link #TEXT} (key, a piece of a spooled document's
 * text, in order), {@link #DONE} (key, then the document's path, status, reason, content type, the
 * rest of its text and cause) — closed by {@link #END}. A text too large to hold crosses in pieces
 * and is spooled again on the receiving side, so neither side holds it whole. Events are flushed as they happen,
 * so a worker that dies still leaves what it finished and what it was reading. Strings are
 * length-prefixed UTF-8 (length -1 = null). On start the worker writes {@link #READY} once its
 * parsers are loaded.
 */
final class WorkerProtocol {

    static final int READY = 0x4D414D4F; // "MAMO"
    static final int BEGIN = 1;
    static final int DONE = 2;
    static final int END = 3;
    static final int TEXT = 4;
    /** Chars per {@link #TEXT} piece (at most 3 MB of UTF-8). */
    static final int TEXT_PIECE = 1 << 20;

    private WorkerProtocol() {
    }

    static void writeRequest(DataOutputStream out, String file, String display, Collection<String> skip)
            throws IOException {
        writeString(out, file);
        writeString(out, display);
        out.writeInt(skip.size());
        for (String k : skip) {
            writeString(out, k);
        }
        out.flush();
    }

    record Request(String file, String display, List<String> skip) {
    }

    static Request readRequest(DataInputStream in) throws IOException {
        String file = readString(in);
        String display = readString(in);
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("corrupt request (skip count " + n + ")");
        }
        List<String> skip = new ArrayList<>(Math.min(n, 1_024)); // grows with what really arrives
        for (int i = 0; i < n; i++) {
            skip.add(readString(in));
        }
        return new Request(file, display, skip);
    }

    /** The worker's side: each event written and flushed as it happens. */
    static ExtractionListener writer(DataOutputStream out) {
        return new ExtractionListener() {
            @Override
            public void begin(String key, String path) {
                try {
                    out.writeInt(BEGIN);
                    writeString(out, key);
                    writeString(out, path);
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void done(String key, ExtractedDocument d) {
                try (d) {
                    String rest = d.content().isSpooled() ? writePieces(out, key, d.content()) : d.content().asString();
                    out.writeInt(DONE);
                    writeString(out, key);
                    writeString(out, d.path());
                    writeString(out, d.status().name());
                    writeString(out, d.reason());
                    writeString(out, d.contentType());
                    writeString(out, rest);
                    writeString(out, d.cause() == null ? null : d.cause().name());
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /** Sends a spooled text as {@link #TEXT} pieces but for its last piece, which is returned for the DONE event. */
    private static String writePieces(DataOutputStream out, String key, DocumentText text) throws IOException {
        try (java.io.Reader r = text.reader()) {
            char[] piece = new char[TEXT_PIECE];
            String previous = "";
            while (true) {
                int n = r.read(piece, 0, piece.length);
                if (n < 0) {
                    return previous;
                }
                if (!previous.isEmpty()) {
                    out.writeInt(TEXT);
                    writeString(out, key);
                    writeString(out, previous);
                }
                // a surrogate pair must not be split between pieces: each piece is encoded on its own
                if (n > 0 && Character.isHighSurrogate(piece[n - 1])) {
                    int next = r.read();
                    previous = next < 0 ? new String(piece, 0, n) : new String(piece, 0, n) + (char) next;
                } else {
                    previous = new String(piece, 0, n);
                }
            }
        }
    }

    static void writeEnd(DataOutputStream out) throws IOException {
        out.writeInt(END);
        out.flush();
    }

    /** Reads events into {@code listener} until {@link #END}; throws when the stream breaks first. */
    static void readResponse(DataInputStream in, ExtractionListener listener) throws IOException {
        TextSpool.Budget budget = TextSpool.budget();
        java.util.Map<String, TextSpool> pieces = new java.util.HashMap<>();
        try {
            while (true) {
                int tag = in.readInt();
                switch (tag) {
                    case BEGIN -> {
                        String key = readString(in);
                        listener.begin(key, readString(in));
                    }
                    case TEXT -> {
                        String key = readString(in);
                        pieces.computeIfAbsent(key, k -> budget.spool()).write(readString(in));
                    }
                    case DONE -> {
                        String key = readString(in);
                        String path = readString(in);
                        ExtractionStatus status = status(readString(in));
                        String reason = readString(in);
                        String type = readString(in);
                        String rest = readString(in);
                        Uninspectable cause = cause(readString(in));
                        TextSpool spool = pieces.remove(key);
                        DocumentText text;
                        if (spool == null) {
                            text = DocumentText.of(rest);
                        } else {
                            spool.write(rest == null ? "" : rest);
                            text = spool.finish();
                        }
                        listener.done(key, new ExtractedDocument(path, status, reason, type, text, cause));
                    }
                    case END -> {
                        return;
                    }
                    default -> throw new IOException("corrupt worker response (event " + tag + ")");
                }
            }
        } finally {
            pieces.values().forEach(TextSpool::close); // a worker that died half-way through a text
        }
    }

    private static Uninspectable cause(String name) throws IOException {
        try {
            return name == null ? null : Uninspectable.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt worker response (cause '" + name + "')");
        }
    }

    private static ExtractionStatus status(String name) throws IOException {
        try {
            return ExtractionStatus.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt worker response (status '" + name + "')");
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len == -1) {
            return null;
        }
        if (len < 0) {
            throw new IOException("corrupt worker response (string length " + len + ")");
        }
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }
}
