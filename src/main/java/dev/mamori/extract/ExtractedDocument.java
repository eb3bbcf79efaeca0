package dev.mamori.extract;

/**
 * The text of one document: a file, or a member of an archive or mail.
 *
 * @param path        display path: the file, then {@code !/member} per nesting level
 *                    ({@code a.zip!/b.zip!/c.csv})
 * @param status      what became of the extraction
 * @param reason      why the status is not ok (null when ok)
 * @param contentType detected media type, e.g. {@code text/csv}
 * @param text        the extracted text ("" when none)
 */
public record ExtractedDocument(String path, ExtractionStatus status, String reason, String contentType, String text) {

    public ExtractedDocument {
        text = text == null ? "" : text;
        contentType = contentType == null ? "application/octet-stream" : contentType;
    }

    public static ExtractedDocument failed(String path, ExtractionStatus status, String reason) {
        return new ExtractedDocument(path, status, reason, null, "");
    }
}
