package dev.mamori.verdict;

import dev.mamori.detect.Finding;
import dev.mamori.extract.ExtractionStatus;
import java.util.List;

/** What the policy judges: a document's extraction status, findings and record count. */
public record DocumentFacts(ExtractionStatus status, List<Finding> findings, int records) {
}
