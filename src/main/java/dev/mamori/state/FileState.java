package dev.mamori.state;

import java.time.Instant;

/**
 * What the agent remembers of one file.
 *
 * @param path        absolute path
 * @param size        bytes when scanned
 * @param mtimeMillis modification time when scanned
 * @param sha256      content hash (hex)
 * @param scannedAt   when it was scanned
 * @param severity    the highest severity of its documents
 * @param resultsJson its document results as a JSON array ({@code scan.ResultJson}), masked
 */
public record FileState(String path, long size, long mtimeMillis, String sha256, Instant scannedAt, String severity,
                        String resultsJson) {

    /** True when the file on disk still has the size and modification time remembered. */
    public boolean unchanged(long size, long mtimeMillis) {
        return this.size == size && this.mtimeMillis == mtimeMillis;
    }
}
