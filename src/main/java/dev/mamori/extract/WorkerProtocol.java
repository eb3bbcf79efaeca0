package dev.mamori.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte protocol between a scan and its extraction workers, over the worker's stdin/stdout.
 * Request: file path, display path. Response: a count, then per document its path, status,
 * reason, content type and text. Strings are length-prefixed UTF-8 (length -1 = null).
 * On start the worker writes {@link #READY} once its parsers are loaded.
 */
final class WorkerProtocol {

    static final int READY = 0x4D414D4F; // "MAMO"

    private WorkerProtocol() {
    }

    static void writeRequest(DataOutputStream out, String file, String display) throws IOException {
        writeString(out, file);
        writeString(out, display);
        out.flush();
    }

    static void writeResponse(DataOutputStream out, List<ExtractedDocument> docs) throws IOException {
        out.writeInt(docs.size());
        for (ExtractedDocument d : docs) {
            writeString(out, d.path());
            writeString(out, d.status().name());
            writeString(out, d.reason());
            writeString(out, d.contentType());
            writeString(out, d.text());
        }
        out.flush();
    }

    static List<ExtractedDocument> readResponse(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 10_000_000) {
            throw new IOException("corrupt worker response (count " + n + ")");
        }
        List<ExtractedDocument> docs = new ArrayList<>(Math.min(n, 1_024)); // grows with what really arrives
        for (int i = 0; i < n; i++) {
            String path = readString(in);
            ExtractionStatus status = status(readString(in));
            String reason = readString(in);
            String type = readString(in);
            String text = readString(in);
            docs.add(new ExtractedDocument(path, status, reason, type, text));
        }
        return docs;
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
