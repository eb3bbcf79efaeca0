package dev.mamori.state;

import java.time.Instant;

/**
 * What the agent remembers of one file.
 *
 * @param path        absolute path
 * @param stamp       size, modification time, change time and file key when judged
 * @param sha256      content hash (hex, {@link ContentHash#bounded})
 * @param scannedAt   when it was scanned
 * @param severity    the highest severity of its documents
 * @param resultsJson its document results as a JSON array ({@code scan.ResultJson}), masked
 * @param packs       the rule packs ("name version", comma-separated) it was judged under
 */
public record FileState(String path, FileStamp stamp, String sha256, Instant scannedAt, String severity,
                        String resultsJson, String packs) {

    /** A state known only by size and modification time, judged under no recorded packs. */
    public FileState(String path, long size, long mtimeMillis, String sha256, Instant scannedAt, String severity,
                     String resultsJson) {
        this(path, new FileStamp(size, mtimeMillis, 0, 0), sha256, scannedAt, severity, resultsJson, "");
    }

    public long size() {
        return stamp.size();
    }

    public long mtimeMillis() {
        return stamp.mtimeMillis();
    }

    /** True when the file on disk still has the size and modification time remembered. */
    public boolean unchanged(long size, long mtimeMillis) {
        return stamp.sameSizeAndTime(size, mtimeMillis);
    }

    /** True when the verdict was reached under exactly these packs. */
    public boolean judgedUnder(String packs) {
        return this.packs.equals(packs);
    }
}
