package dev.mamori.extract;

/**
 * The text of one document: a file, or a member of an archive or mail.
 *
 * @param path        display path: the file, then {@code !/member} per nesting level
 *                    ({@code a.zip!/b.zip!/c.csv})
 * @param status      what became of the extraction
 * @param reason      why the status is not ok (null when ok), in words
 * @param contentType detected media type, e.g. {@code text/csv}
 * @param text        the extracted text ("" when none)
 * @param cause       why the document was not fully read (null when it was); a status other than ok
 *                    or skipped always has one (implied from the status when not given)
 */
public record ExtractedDocument(String path, ExtractionStatus status, String reason, String contentType, String text,
                                Uninspectable cause) {

    public ExtractedDocument {
        text = text == null ? "" : text;
        contentType = contentType == null ? "application/octet-stream" : contentType;
        if (cause == null) {
            cause = Uninspectable.implied(status);
        }
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
        return new ExtractedDocument(path, why.status(), because, contentType, text, why);
    }
}
