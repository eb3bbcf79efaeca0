package dev.mamori.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Extraction with Tika in this process. Thread-safe. Bounds bytes, characters, depth and member
 * count, but cannot stop a parser that loops or exhausts the heap: use it inside a worker process
 * ({@link ForkedExtractor}) for files of unknown origin.
 */
public final class TikaExtractor implements Extractor {

    /** Metadata that holds personal data outside the body: mail headers, document authors. */
    private static final List<String> TEXT_METADATA = List.of(Message.MESSAGE_FROM, Message.MESSAGE_TO,
            Message.MESSAGE_CC, Message.MESSAGE_BCC, "dc:creator", "meta:last-author", "dc:title", "dc:subject");

    private final Parser parser = new AutoDetectParser();
    private final ExtractionLimits limits;

    public TikaExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<ExtractedDocument> extract(Path file, String displayPath) {
        List<ExtractedDocument> out = new ArrayList<>();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            out.add(ExtractedDocument.failed(displayPath, ExtractionStatus.ERROR, "cannot read the file: " + brief(e)));
            return out;
        }
        boolean partial = size > limits.maxBytes();
        Budget budget = new Budget(limits.maxChars(), limits.maxMembers());
        try (InputStream in = partial
                ? TikaInputStream.get(BoundedInputStream.builder().setInputStream(Files.newInputStream(file))
                        .setMaxCount(limits.maxBytes()).get())
                : TikaInputStream.get(file)) {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
            parse(in, metadata, displayPath, 0, budget, out);
        } catch (IOException e) {
            out.add(0, ExtractedDocument.failed(displayPath, ExtractionStatus.ERROR, "cannot read the file: " + brief(e)));
        }
        // members with nothing to inspect (pictures in a document, empty entries) are noise in results
        out.removeIf(d -> d != out.get(0) && d.status() == ExtractionStatus.OK && d.text().isBlank());
        if (partial && !out.isEmpty()) {
            ExtractedDocument first = out.get(0);
            String limit = "only the first " + limits.maxBytes() + " of " + size + " bytes read";
            out.set(0, first.status() == ExtractionStatus.OK || first.status() == ExtractionStatus.TRUNCATED
                    ? new ExtractedDocument(first.path(), ExtractionStatus.TRUNCATED, limit, first.contentType(), first.text())
                    : new ExtractedDocument(first.path(), ExtractionStatus.ERROR,
                            "larger than the read limit (" + limit + ") and unreadable in part: " + first.reason(),
                            first.contentType(), first.text()));
        }
        return out;
    }

    /** Shared by a file and all its members: characters and members left. */
    private static final class Budget {
        int chars;
        int members;
        boolean membersExhausted;

        Budget(int chars, int members) {
            this.chars = chars;
            this.members = members;
        }
    }

    private void parse(InputStream stream, Metadata metadata, String path, int depth, Budget budget,
                       List<ExtractedDocument> out) {
        int slot = out.size();
        out.add(null); // a container precedes its members
        StringWriter writer = new StringWriter();
        int allowance = Math.max(0, budget.chars);
        WriteOutContentHandler limited = new WriteOutContentHandler(writer, allowance);
        ContentHandler handler = new BodyContentHandler(limited);
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new Members(path, depth, budget, out, metadata, context));
        ExtractionStatus status = ExtractionStatus.OK;
        String reason = null;
        try {
            if (allowance == 0) {
                throw new WriteLimitReachedException(0);
            }
            parser.parse(stream, handler, metadata, context);
        } catch (ZeroByteFileException e) {
            reason = null; // an empty file is simply empty
        } catch (EncryptedDocumentException e) {
            status = ExtractionStatus.ENCRYPTED;
            reason = "password-protected: contents cannot be inspected";
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                status = ExtractionStatus.TRUNCATED;
                reason = "character limit reached (" + limits.maxChars() + " per file)";
            } else {
                status = ExtractionStatus.ERROR;
                reason = "unreadable: " + brief(e);
            }
        } catch (Exception | StackOverflowError e) {
            if (causedByEncryption(e)) {
                status = ExtractionStatus.ENCRYPTED;
                reason = "password-protected: contents cannot be inspected";
            } else {
                status = ExtractionStatus.ERROR;
                reason = "corrupt or unreadable: " + brief(e);
            }
        }
        String text = withMetadata(metadata, writer.toString());
        budget.chars -= text.length();
        if (status == ExtractionStatus.OK) {
            List<String> locked = lockedEntries(stream, metadata);
            if (!locked.isEmpty()) {
                status = ExtractionStatus.ENCRYPTED;
                reason = "password-protected entries cannot be inspected: " + String.join(", ",
                        locked.subList(0, Math.min(3, locked.size()))) + (locked.size() > 3 ? ", ..." : "");
            }
        }
        out.set(slot, new ExtractedDocument(path, status, reason, metadata.get(Metadata.CONTENT_TYPE), text));
    }

    /**
     * Entries Tika passed over because they are encrypted: either recorded in the container's
     * metadata, or (for a zip read from a file) not recorded at all, so the zip is listed directly.
     */
    private static List<String> lockedEntries(InputStream stream, Metadata metadata) {
        for (String name : metadata.names()) {
            if (name.startsWith(TikaCoreProperties.TIKA_META_EXCEPTION_PREFIX)) {
                for (String value : metadata.getValues(name)) {
                    if (value != null && value.contains("EncryptedDocumentException")) {
                        return List.of("(entry names unknown)");
                    }
                }
            }
        }
        String type = metadata.get(Metadata.CONTENT_TYPE);
        if (type != null && type.startsWith("application/zip") && stream instanceof TikaInputStream tis) {
            try {
                return ZipEncryptionProbe.encryptedEntries(tis.getFile());
            } catch (IOException e) {
                return List.of();
            }
        }
        return List.of();
    }

    private static String withMetadata(Metadata metadata, String body) {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String key : TEXT_METADATA) {
            for (String v : metadata.getValues(key)) {
                if (v != null && !v.isBlank() && !body.contains(v) && seen.add(v)) {
                    b.append(key).append(": ").append(v).append('\n');
                }
            }
        }
        return b.isEmpty() ? body : b.append('\n').append(body).toString();
    }

    static boolean causedByEncryption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof EncryptedDocumentException || name.endsWith("PasswordRequiredException")
                    || name.endsWith("EncryptedDocumentException") || name.contains("Encrypted")) {
                return true;
            }
        }
        return false;
    }

    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** Parses each embedded document on its own, so that it becomes its own result with its own status. */
    private final class Members implements EmbeddedDocumentExtractor {
        private final String parentPath;
        private final int depth;
        private final Budget budget;
        private final List<ExtractedDocument> out;
        private final Metadata parentMetadata;
        private final ParseContext parentContext;
        private int unnamed;

        Members(String parentPath, int depth, Budget budget, List<ExtractedDocument> out, Metadata parentMetadata,
                ParseContext parentContext) {
            this.parentPath = parentPath;
            this.depth = depth;
            this.budget = budget;
            this.out = out;
            this.parentMetadata = parentMetadata;
            this.parentContext = parentContext;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return true;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler parentHandler, Metadata metadata, boolean outputHtml)
                throws IOException, SAXException {
            String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
            String parentType = parentMetadata.get(Metadata.CONTENT_TYPE);
            if ((name == null || name.isBlank()) && parentType != null && parentType.startsWith("message/")) {
                // a mail's body parts are the mail's own text, not attachments
                try {
                    parser.parse(CloseShieldInputStream.wrap(stream),
                            new EmbeddedContentHandler(new BodyContentHandler(parentHandler)), metadata, parentContext);
                } catch (org.apache.tika.exception.TikaException e) {
                    if (causedByEncryption(e)) {
                        throw new SAXException(new EncryptedDocumentException(e));
                    }
                }
                return;
            }
            if (name == null || name.isBlank()) {
                name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
            }
            if (name == null || name.isBlank()) {
                name = "embedded-" + (++unnamed);
            }
            String path = parentPath + "!/" + name;
            if (depth + 1 > limits.maxDepth()) {
                out.add(ExtractedDocument.failed(path, ExtractionStatus.TRUNCATED,
                        "not opened: nesting deeper than " + limits.maxDepth() + " levels"));
                return;
            }
            if (--budget.members < 0) {
                if (!budget.membersExhausted) {
                    budget.membersExhausted = true;
                    out.add(ExtractedDocument.failed(path, ExtractionStatus.TRUNCATED,
                            "not opened: more than " + limits.maxMembers() + " documents in one file"));
                }
                return;
            }
            try (TikaInputStream member = TikaInputStream.get(CloseShieldInputStream.wrap(stream))) {
                parse(member, metadata, path, depth + 1, budget, out);
            }
        }
    }
}
