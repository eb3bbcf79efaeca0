package dev.mamori.extract;

import java.nio.file.Path;
import java.util.List;

/**
 * Extracts the text of a file and of every document inside it. Never throws for what a file
 * contains: corrupt, encrypted, hostile or oversized files come back with a status and a reason.
 * Implementations are thread-safe.
 */
public interface Extractor extends AutoCloseable {

    /**
     * @param file        the file to read
     * @param displayPath how the file is named in results (usually its path as given by the user)
     * @return the file's own document first, then its members in the order met
     */
    List<ExtractedDocument> extract(Path file, String displayPath);

    @Override
    default void close() {
    }
}
