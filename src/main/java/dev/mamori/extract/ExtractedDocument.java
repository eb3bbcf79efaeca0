package dev.mamori.extract;

import java.util.List;

/**
 * The text of one document: a file, or a member of an archive or mail.
 *
 * <p>Closing frees the text's spool file when it has one ({@link DocumentText}); whoever receives
 * documents from an {@link Extractor} closes them once judged.
 *
 * @param path        display path: the file, then {@code !/member} per nesting level
 *                    ({@code a.zip!/b.zip!/c.csv})
 * @param status      what became of the extraction
 * @param reason      why the status is not ok (null when ok), in words
 * @param contentType detected media type, e.g. {@code text/csv}
 * @param content     the extracted text (empty when none)
 * @param cause       why the document was not fully read (null when it was); a status other than ok
 *                    or skipped always has one (implied from the status when not given)
 */
public record ExtractedDocument(String path, ExtractionStatus status, String reason, String contentType,
                                DocumentText content, Uninspectable cause) implements AutoCloseable {

    public ExtractedDocument {
        content = content == null ? DocumentText.of("") : content;
        contentType = contentType == null ? "application/octet-stream" : contentType;
        if (cause == null) {
            cause = Uninspectable.implied(status);
        }
    }

    public ExtractedDocument(String path, ExtractionStatus status, String reason, String contentType, String text,
                             Uninspectable cause) {
        this(path, status, reason, contentType, DocumentText.of(text), cause);
    }

    public ExtractedDocument(String path, ExtractionStatus status, String reason, String contentType, String text) {
        this(path, status, reason, contentType, text, null);
    }

    public static ExtractedDocument failed(String path, ExtractionStatus status, String reason) {
        return new ExtractedDocument(path, status, reason, null, "", null);
    }

    /** Nothing read, for {@code cause}. */
    public static ExtractedDocument uninspectable(String path, Uninspectable cause, String reason) {
        return new ExtractedDocument(path, cause.status(), reason, null, "", cause);
    }

    /** This document, read only in part (or not at all) for {@code cause}; the text read so far is kept. */
    public ExtractedDocument partly(Uninspectable why, String because) {
        return new ExtractedDocument(path, why.status(), because, contentType, content, why);
    }

    /**
     * The whole text as a string; a spooled text is read into memory for it (see
     * {@link DocumentText#asString()}). Detection reads {@link #content()} in windows instead.
     */
    public String text() {
        return content.asString();
    }

    @Override
    public void close() {
        content.close();
    }

    /** Closes every document of a file: after they were judged, or when the judging failed. */
    public static void closeAll(List<ExtractedDocument> docs) {
        docs.forEach(ExtractedDocument::close);
    }
}
