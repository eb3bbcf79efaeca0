package dev.mamori.extract;

import java.util.Locale;

/**
 * Why a document, or part of it, was not read: the closed set of causes behind the
 * {@code uninspectable} verdict. Mapped here, once, from parser exceptions, worker exits and limits;
 * the policy ({@code when: {uninspectable: [...]}}) and the output name them by {@link #label()}.
 * A document with a cause is never clean: what was not read may hold anything.
 */
public enum Uninspectable {
    /** Password-protected. */
    ENCRYPTED(ExtractionStatus.ENCRYPTED),
    /** The parser failed on the content: a broken or unsupported file. */
    CORRUPT(ExtractionStatus.ERROR),
    /** The file could not be opened or read (gone, permissions, I/O error). */
    UNREADABLE(ExtractionStatus.ERROR),
    /** The file's name cannot be decoded, so it cannot be opened by name. */
    UNDECODABLE_NAME(ExtractionStatus.ERROR),
    /** The wall-time limit ran out; the worker was stopped. */
    TIMEOUT(ExtractionStatus.ERROR),
    /** The parser exhausted the worker's heap. */
    WORKER_OUT_OF_MEMORY(ExtractionStatus.ERROR),
    /** The worker process died or stopped answering. */
    WORKER_CRASH(ExtractionStatus.ERROR),
    /** Nested deeper than the depth limit: not opened. */
    DEPTH_LIMIT(ExtractionStatus.TRUNCATED),
    /** More members than the member limit: the rest not opened. */
    MEMBER_LIMIT(ExtractionStatus.TRUNCATED),
    /** Larger than the byte limit: only the first part was read. */
    TRUNCATED(ExtractionStatus.TRUNCATED),
    /** More text than the character limit: the rest was not kept. */
    CHAR_LIMIT(ExtractionStatus.TRUNCATED),
    /** Pages that hold only images (scans) and no OCR configured: their text was not read. */
    IMAGE_ONLY_PAGES(ExtractionStatus.TRUNCATED),
    /** A detector failed on the text. */
    DETECTION_FAILED(ExtractionStatus.ERROR),
    /** A rule ran out of its time budget, so part of the text was not checked by it. */
    DETECTION_INCOMPLETE(ExtractionStatus.TRUNCATED);

    private final ExtractionStatus status;

    Uninspectable(ExtractionStatus status) {
        this.status = status;
    }

    /** The extraction status a document with this cause reports. */
    public ExtractionStatus status() {
        return status;
    }

    /** As written in output and policies: {@code worker-out-of-memory}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The cause for a label ({@code depth-limit} or {@code DEPTH_LIMIT}), or null. */
    public static Uninspectable parse(String text) {
        for (Uninspectable u : values()) {
            if (u.label().equalsIgnoreCase(text) || u.name().equalsIgnoreCase(text)) {
                return u;
            }
        }
        return null;
    }

    /** The cause assumed for a status when none was given: anything not ok or skipped was not fully read. */
    static Uninspectable implied(ExtractionStatus status) {
        return switch (status) {
            case ENCRYPTED -> ENCRYPTED;
            case ERROR -> UNREADABLE;
            case TRUNCATED -> TRUNCATED;
            case OK, SKIPPED -> null;
        };
    }
}
