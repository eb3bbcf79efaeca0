package dev.mamori.extract;

import dev.mamori.platform.RegularFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.TikaCoreProperties;
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

    private final Parser parser = MemberNames.parser();
    private final ExtractionLimits limits;
    private final Ocr ocr;

    public TikaExtractor(ExtractionLimits limits) {
        this(limits, Ocr.NONE);
    }

    public TikaExtractor(ExtractionLimits limits, Ocr ocr) {
        this.limits = limits;
        this.ocr = ocr;
    }

    @Override
    public List<ExtractedDocument> extract(Path file, String displayPath) {
        DocumentCollector collected = new DocumentCollector();
        extract(file, displayPath, Set.of(), collected);
        return collected.documents();
    }

    /**
     * Extracts {@code file}, telling {@code listener} of each document as it is begun and done.
     * Members whose key is in {@code skip} are passed over (a previous attempt already judged them,
     * or they killed its worker); they still count against the member limit.
     */
    void extract(Path file, String displayPath, Set<String> skip, ExtractionListener listener) {
        String rootKey = displayPath;
        java.nio.channels.SeekableByteChannel channel;
        long size;
        try {
            // only a regular file, checked on what was opened: a FIFO or link swapped in is never read
            channel = RegularFile.open(file, ReadablePath.isOurs(file));
            size = channel.size();
        } catch (RegularFile.NotRegularException e) {
            listener.done(rootKey, ExtractedDocument.uninspectable(displayPath, Uninspectable.UNREADABLE, e.getMessage()));
            return;
        } catch (IOException e) {
            listener.done(rootKey, PathNames.isLossy(file)
                    ? ExtractedDocument.uninspectable(displayPath, Uninspectable.UNDECODABLE_NAME,
                            "the file name is not valid in this system's encoding and the file cannot be opened: " + brief(e))
                    : ExtractedDocument.uninspectable(displayPath, Uninspectable.UNREADABLE, "cannot read the file: " + brief(e)));
            return;
        }
        boolean partial = size > limits.maxBytes();
        Run run = new Run(limits.maxChars(), limits.maxMembers(), skip, listener);
        ExtractedDocument root = null;
        InputStream opened = java.nio.channels.Channels.newInputStream(channel);
        try (InputStream in = TikaInputStream.get(partial
                ? BoundedInputStream.builder().setInputStream(opened).setMaxCount(limits.maxBytes()).get()
                : new java.io.BufferedInputStream(opened, 1 << 16))) {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
            run.keyOf(displayPath);
            listener.begin(rootKey, displayPath);
            root = parse(in, metadata, displayPath, 0, run);
        } catch (IOException e) {
            if (root == null) {
                root = ExtractedDocument.uninspectable(displayPath, Uninspectable.UNREADABLE,
                        "cannot read the file: " + brief(e));
            }
        }
        if (partial) {
            String limit = "only the first " + limits.maxBytes() + " of " + size + " bytes read";
            root = root.status() == ExtractionStatus.OK || root.status() == ExtractionStatus.TRUNCATED
                    ? root.partly(Uninspectable.TRUNCATED, limit)
                    : root.partly(Uninspectable.TRUNCATED,
                            "larger than the read limit (" + limit + ") and unreadable in part: " + root.reason());
        }
        listener.done(rootKey, root);
    }

    /** Shared by a file and all its members: characters and members left, keys met, members to skip. */
    private static final class Run {
        int chars;
        int members;
        boolean membersExhausted;
        final Set<String> skip;
        final ExtractionListener listener;
        final TextSpool.Budget spools = TextSpool.budget();
        private final Map<String, Integer> seen = new HashMap<>();

        Run(int chars, int members, Set<String> skip, ExtractionListener listener) {
            this.chars = chars;
            this.members = members;
            this.skip = skip;
            this.listener = listener;
        }

        /** The path itself the first time, {@code path#2} the second time it is met (a zip may repeat a name). */
        String keyOf(String path) {
            int n = seen.merge(path, 1, Integer::sum);
            return n == 1 ? path : path + "#" + n;
        }
    }

    private ExtractedDocument parse(InputStream stream, Metadata metadata, String path, int depth, Run run) {
        TextSpool writer = run.spools.spool();
        int allowance = Math.max(0, run.chars);
        WriteOutContentHandler limited = new WriteOutContentHandler(writer, allowance);
        ContentHandler handler = new BodyContentHandler(new TableRowLines(limited));
        ParseContext context = new ParseContext();
        ocr.configure(context);
        Map<String, String> zipNames = stream instanceof TikaInputStream tis ? MemberNames.zipNames(tis) : Map.of();
        context.set(EmbeddedDocumentExtractor.class, new Members(path, depth, run, metadata, context, zipNames));
        Uninspectable cause = null;
        String reason = null;
        try {
            if (allowance == 0) {
                throw new WriteLimitReachedException(0);
            }
            parser.parse(stream, handler, metadata, context);
        } catch (ZeroByteFileException e) {
            reason = null; // an empty file is simply empty
        } catch (EncryptedDocumentException e) {
            cause = Uninspectable.ENCRYPTED;
            reason = "password-protected: contents cannot be inspected";
        } catch (SAXException e) {
            if (spoolFailure(e) != null) {
                cause = Uninspectable.UNREADABLE;
                reason = spoolFailure(e).getMessage();
            } else if (WriteLimitReachedException.isWriteLimitReached(e)) {
                cause = Uninspectable.CHAR_LIMIT;
                reason = "character limit reached (" + limits.maxChars() + " per file)";
            } else {
                cause = Uninspectable.CORRUPT;
                reason = "unreadable: " + brief(e);
            }
        } catch (Exception | StackOverflowError e) {
            if (spoolFailure(e) != null) {
                cause = Uninspectable.UNREADABLE;
                reason = spoolFailure(e).getMessage();
            } else if (causedByEncryption(e)) {
                cause = Uninspectable.ENCRYPTED;
                reason = "password-protected: contents cannot be inspected";
            } else {
                cause = Uninspectable.CORRUPT;
                reason = "corrupt or unreadable: " + brief(e);
            }
        }
        DocumentText text;
        try {
            text = finish(writer, metadata);
        } catch (TextSpool.SpoolException e) {
            text = DocumentText.of("");
            cause = Uninspectable.UNREADABLE;
            reason = e.getMessage();
        }
        run.chars -= text.length();
        if (cause == null) {
            List<String> locked = lockedEntries(stream, metadata);
            if (!locked.isEmpty()) {
                cause = Uninspectable.ENCRYPTED;
                reason = "password-protected entries cannot be inspected: " + String.join(", ",
                        locked.subList(0, Math.min(3, locked.size()))) + (locked.size() > 3 ? ", ..." : "");
            }
        }
        if (cause == null && !ocr.reads()) {
            int[] pages = pagesWithoutText(metadata);
            if (pages[0] > 0) {
                cause = Uninspectable.IMAGE_ONLY_PAGES;
                reason = pages[0] + " of " + pages[1] + " pages hold no text (scanned images?) and no OCR is configured";
            }
        }
        ExtractionStatus status = cause == null ? ExtractionStatus.OK : cause.status();
        return new ExtractedDocument(path, status, reason, metadata.get(Metadata.CONTENT_TYPE), text, cause);
    }

    /** Pages without a single character of text, and all pages, from the PDF parser's per-page counts. */
    static int[] pagesWithoutText(Metadata metadata) {
        String[] perPage = metadata.getValues(PDF.CHARACTERS_PER_PAGE);
        int empty = 0;
        for (String chars : perPage) {
            try {
                if (Integer.parseInt(chars.trim()) == 0) {
                    empty++;
                }
            } catch (NumberFormatException e) {
                // not a count: not judged
            }
        }
        return new int[] {empty, perPage.length};
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

    /**
     * The body with the metadata that holds text (title, author...): before the body while it is in
     * memory, with values the body already holds left out; after a spooled body, all of them.
     */
    private static DocumentText finish(TextSpool body, Metadata metadata) throws TextSpool.SpoolException {
        if (!body.spilled()) {
            String head = metadataLines(metadata, body.memoryText());
            DocumentText text = body.finish();
            if (ExcelHeaderCodes.appliesTo(metadata.get(Metadata.CONTENT_TYPE))) {
                text = DocumentText.of(ExcelHeaderCodes.strip(text.asString()));
            }
            return head.isEmpty() ? text : DocumentText.of(head + "\n" + text.asString());
        }
        String tail = metadataLines(metadata, null);
        if (!tail.isEmpty()) {
            try {
                body.write("\n" + tail);
            } catch (IOException e) {
                body.close();
                throw e instanceof TextSpool.SpoolException s ? s : new TextSpool.SpoolException(e.getMessage(), e);
            }
        }
        return body.finish();
    }

    private static String metadataLines(Metadata metadata, String body) {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String key : TEXT_METADATA) {
            for (String v : metadata.getValues(key)) {
                if (v != null && !v.isBlank() && (body == null || !body.contains(v)) && seen.add(v)) {
                    b.append(key).append(": ").append(v).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** The spool failure behind a parse failure, or null when the parse failed for its own reasons. */
    private static TextSpool.SpoolException spoolFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TextSpool.SpoolException s) {
                return s;
            }
        }
        return null;
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
        private final Run run;
        private final Metadata parentMetadata;
        private final ParseContext parentContext;
        private final Map<String, String> zipNames;
        private int unnamed;

        Members(String parentPath, int depth, Run run, Metadata parentMetadata, ParseContext parentContext,
                Map<String, String> zipNames) {
            this.zipNames = zipNames;
            this.parentPath = parentPath;
            this.depth = depth;
            this.run = run;
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
            String readable = MemberNames.name(name, zipNames, parentMetadata);
            if (readable != null && !readable.equals(name)) {
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, readable);
                name = readable;
            } else if (name != null && name.indexOf('?') >= 0) {
                // an undecodable name ('?' for each odd byte): the type is detected from the name too,
                // and a '?' would end it like a URL query, losing the extension
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.replace('?', '\uFFFD'));
            }
            if (name == null || name.isBlank()) {
                name = metadata.get(TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID);
            }
            if (name == null || name.isBlank()) {
                name = "embedded-" + (++unnamed);
            }
            String path = parentPath + "!/" + name;
            String key = run.keyOf(path);
            if (run.skip.contains(key)) {
                run.members--; // judged by an earlier attempt: counted, not read again
                return;
            }
            if (depth + 1 > limits.maxDepth()) {
                run.listener.done(key, ExtractedDocument.uninspectable(path, Uninspectable.DEPTH_LIMIT,
                        "not opened: nesting deeper than " + limits.maxDepth() + " levels (--max-depth)"));
                return;
            }
            if (--run.members < 0) {
                if (!run.membersExhausted) {
                    run.membersExhausted = true;
                    run.listener.done(key, ExtractedDocument.uninspectable(path, Uninspectable.MEMBER_LIMIT,
                            "not opened: more than " + limits.maxMembers() + " documents in one file (--max-members);"
                                    + " this and later members were not read"));
                }
                return;
            }
            run.listener.begin(key, path);
            TikaInputStream member = TikaInputStream.get(CloseShieldInputStream.wrap(stream));
            ExtractedDocument doc;
            try {
                doc = parse(member, metadata, path, depth + 1, run);
            } finally {
                try {
                    member.close();
                } catch (IOException e) {
                    // its temporary copy only: the member was read
                }
            }
            run.listener.done(key, doc);
        }
    }
}
