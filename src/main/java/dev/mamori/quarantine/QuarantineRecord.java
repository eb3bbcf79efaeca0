package dev.mamori.quarantine;

import java.time.Instant;

/**
 * Why and from where a file was quarantined.
 *
 * @param id       the quarantine id (also the folder name)
 * @param original where the file was
 * @param time     when it was moved
 * @param reason   the verdict in words (severity, types, records)
 * @param sha256   content hash, checked on restore
 * @param restored when it was restored, or null
 */
public record QuarantineRecord(String id, String original, Instant time, String reason, String sha256, Instant restored) {
}
