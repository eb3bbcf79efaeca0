package dev.mamori.scan;

import dev.mamori.extract.ExtractionStatus;
import dev.mamori.verdict.Verdict;

/**
 * The outcome for one document (a file or an archive member): what could be read, and what it holds.
 * Holds no raw personal data: the verdict carries masked samples only.
 */
public record DocumentResult(String path, ExtractionStatus status, String reason, String contentType, long chars,
                             Verdict verdict) {
}
