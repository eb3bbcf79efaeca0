package dev.mamori.extract;

/**
 * Told as extraction proceeds, so that a worker that dies half-way still leaves the documents it
 * finished, and the document it died on, known. A container begins before its members and is done
 * after them.
 */
interface ExtractionListener {

    /** @param key the document's identity within its file (its path, with {@code #n} for a repeated name) */
    void begin(String key, String path);

    void done(String key, ExtractedDocument doc);
}
