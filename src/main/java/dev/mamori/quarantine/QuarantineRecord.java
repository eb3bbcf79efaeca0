package dev.mamori.quarantine;

import java.time.Instant;

/**
 * Why and from where a file was quarantined, and who released it.
 *
 * @param id         the quarantine id (also the folder name)
 * @param original   where the file was, as the agent watched it
 * @param time       when it was moved
 * @param reason     the verdict in words (severity, types, records)
 * @param sha256     content hash, checked on restore
 * @param realParent the real path of the original's folder when it was quarantined: a restore
 *                   refuses a folder that has become a symbolic link since (null in old records)
 * @param mode       the original POSIX permissions ({@code rw-r-----}), put back on restore; null
 *                   where the file system has none
 * @param owner      the original owner, put back when a restore runs as root; null where unknown
 * @param restored   when it was restored, or null
 * @param restoredBy who restored it, as the operating system names them (null until restored)
 * @param note       why it was restored (null until restored)
 */
public record QuarantineRecord(String id, String original, Instant time, String reason, String sha256, String realParent,
                               String mode, String owner, Instant restored, String restoredBy, String note) {

    QuarantineRecord restoredAt(Instant at, String by, String why) {
        return new QuarantineRecord(id, original, time, reason, sha256, realParent, mode, owner, at, by, why);
    }
}
