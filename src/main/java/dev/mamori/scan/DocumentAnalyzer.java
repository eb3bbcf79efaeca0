package dev.mamori.scan;

import dev.mamori.detect.DetectionEngine;
import dev.mamori.detect.ScanText;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import dev.mamori.rules.RuleSet;
import dev.mamori.verdict.DocumentFacts;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Policy;
import dev.mamori.verdict.RecordCounter;
import dev.mamori.verdict.Verdict;

/** Text → findings → records → verdict, for one extracted document. Thread-safe. */
public final class DocumentAnalyzer {

    private final DetectionEngine engine;
    private final RecordCounter records;
    private final Policy policy;

    public DocumentAnalyzer(RuleSet rules) {
        this.engine = rules.engine();
        this.records = new RecordCounter(rules.records());
        this.policy = rules.policy();
    }

    /**
     * A result with the findings behind it. The findings hold raw values: for in-process callers
     * that explain a verdict ({@code mamori rules test}), never for output.
     */
    public record Analysis(DocumentResult result, java.util.List<dev.mamori.detect.Finding> findings) {
    }

    public DocumentResult analyze(ExtractedDocument doc) {
        return analyzeWithFindings(doc).result();
    }

    public Analysis analyzeWithFindings(ExtractedDocument doc) {
        ExtractionStatus status = doc.status();
        Uninspectable cause = doc.cause();
        String reason = doc.reason();
        var findings = java.util.List.<dev.mamori.detect.Finding>of();
        int recordCount = 0;
        if (!doc.text().isEmpty()) {
            ScanText text = ScanText.of(doc.text());
            DetectionEngine.Detection detection = engine.detect(text);
            findings = detection.findings();
            recordCount = records.count(text, findings);
            if (!detection.warnings().isEmpty()) {
                if (status == ExtractionStatus.OK) {
                    status = ExtractionStatus.TRUNCATED;
                }
                if (cause == null) {
                    cause = Uninspectable.DETECTION_INCOMPLETE;
                }
                String warnings = String.join("; ", detection.warnings());
                reason = reason == null ? warnings : reason + "; " + warnings;
            }
        }
        Policy.Outcome outcome = policy.judge(new DocumentFacts(status, cause, findings, recordCount));
        Verdict verdict = new Verdict(outcome.severity(), recordCount, FindingSummary.of(findings), outcome.ruleIds(),
                outcome.flags(), cause);
        reason = withCause(cause, status, reason);
        return new Analysis(new DocumentResult(doc.path(), status, reason, doc.contentType(), doc.text().length(), verdict),
                findings);
    }

    /** The reason as shown: led by the cause's name ({@code timeout: ...}) unless the status already says it. */
    static String withCause(Uninspectable cause, ExtractionStatus status, String reason) {
        if (cause == null || cause.label().equals(status.label())) {
            return reason;
        }
        if (reason == null || reason.isBlank()) {
            return cause.label();
        }
        return reason.startsWith(cause.label() + ":") ? reason : cause.label() + ": " + reason;
    }
}
