package dev.mamori.verdict;

import dev.mamori.detect.Finding;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import java.util.List;

/**
 * What the policy judges: a document's extraction status, why it was not fully read (null when it
 * was), its findings summed up and its record count.
 */
public record DocumentFacts(ExtractionStatus status, Uninspectable uninspectable, FindingTally findings, int records) {

    public DocumentFacts(ExtractionStatus status, Uninspectable uninspectable, List<Finding> findings, int records) {
        this(status, uninspectable, FindingTally.of(findings), records);
    }
}
