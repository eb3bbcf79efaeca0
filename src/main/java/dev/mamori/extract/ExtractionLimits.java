package dev.mamori.extract;

import java.time.Duration;

/**
 * Bounds on the work spent on one file. Each is a CLI option and a config key.
 *
 * @param maxBytes      bytes read from a file; a larger file is read only this far (status truncated)
 * @param maxChars      characters of text kept per file, all members together
 * @param maxDepth      archive/attachment nesting depth opened (the file itself is depth 0); the default, 10,
 *                      covers mail-in-zip-in-zip chains as people forward them
 * @param maxMembers    documents opened inside one file
 * @param timeout       wall time for one file, members included (enforced in worker processes)
 * @param workerHeapMb  heap of each worker process: a parser that needs more fails only that file
 */
public record ExtractionLimits(long maxBytes, int maxChars, int maxDepth, int maxMembers, Duration timeout,
                               int workerHeapMb) {

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(256L * 1024 * 1024, 200_000_000, 10, 10_000, Duration.ofSeconds(60), 1024);
    }

    public ExtractionLimits {
        if (maxBytes < 1 || maxChars < 1 || maxDepth < 0 || maxMembers < 1 || timeout.isNegative()
                || timeout.isZero() || workerHeapMb < 64) {
            throw new IllegalArgumentException("extraction limits out of range: " + this);
        }
    }
}
