package dev.mamori.scan;

import dev.mamori.detect.DetectionEngine;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.detect.TextLayout;
import dev.mamori.detect.TextWindows;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import dev.mamori.rules.RuleSet;
import dev.mamori.verdict.DocumentFacts;
import dev.mamori.verdict.FindingTally;
import dev.mamori.verdict.Policy;
import dev.mamori.verdict.RecordCounter;
import dev.mamori.verdict.Verdict;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text → findings → records → verdict, for one extracted document. A long text is judged in
 * windows ({@link TextWindows}) whose findings are summed up as they come ({@link FindingTally},
 * {@link RecordCounter.Tally}), so the memory it takes does not grow with the text. Thread-safe.
 */
public final class DocumentAnalyzer {

    /** Chars each detection window owns: a few tens of MB of working memory per thread. */
    static final int WINDOW_CHARS = 1 << 20;

    private final DetectionEngine engine;
    private final RecordCounter records;
    private final Policy policy;
    private final int windowChars;
    private final int overlap;

    public DocumentAnalyzer(RuleSet rules) {
        this(rules, WINDOW_CHARS);
    }

    /** @param windowChars chars per detection window (tests use small ones to cross many boundaries) */
    DocumentAnalyzer(RuleSet rules, int windowChars) {
        this.engine = rules.engine();
        this.records = new RecordCounter(rules.records());
        this.policy = rules.policy();
        this.windowChars = windowChars;
        // wider than a record's name-to-companion reach on both sides, and than any rule's context
        this.overlap = Math.max(4096, 2 * rules.records().window() + 1024);
    }

    /**
     * A result with the findings behind it. The findings hold raw values: for in-process callers
     * that explain a verdict ({@code mamori rules test}), never for output.
     */
    public record Analysis(DocumentResult result, List<Finding> findings) {
    }

    public DocumentResult analyze(ExtractedDocument doc) {
        return analyze(doc, false).result();
    }

    /**
     * Judges the documents of one file, in order, and closes them: a detector that fails costs its
     * document (uninspectable, {@code detection-failed}), never the others. The one way {@code scan}
     * and the agent turn a file's documents into results.
     */
    public List<DocumentResult> judgeAll(List<ExtractedDocument> docs) {
        List<DocumentResult> results = new ArrayList<>(docs.size());
        explainAll(docs, false, (doc, analysis) -> results.add(analysis.result()));
        return results;
    }

    /**
     * As {@link #judgeAll}, handing each document with its analysis to {@code use} while the document
     * is still open (to read its text again); with {@code keepFindings}, the analyses hold every finding.
     */
    public void explainAll(List<ExtractedDocument> docs, boolean keepFindings,
                           java.util.function.BiConsumer<ExtractedDocument, Analysis> use) {
        try {
            for (ExtractedDocument doc : docs) {
                Analysis analysis;
                try {
                    analysis = analyze(doc, keepFindings);
                } catch (RuntimeException | StackOverflowError e) {
                    analysis = analyze(ExtractedDocument.uninspectable(doc.path(), Uninspectable.DETECTION_FAILED,
                            "detection failed: " + e.getClass().getSimpleName()), false);
                }
                use.accept(doc, analysis);
                doc.close();
            }
        } finally {
            ExtractedDocument.closeAll(docs);
        }
    }

    /** As {@link #analyze}, keeping every finding (with its position in the whole text): memory grows with them. */
    public Analysis analyzeWithFindings(ExtractedDocument doc) {
        return analyze(doc, true);
    }

    private Analysis analyze(ExtractedDocument doc, boolean keepFindings) {
        ExtractionStatus status = doc.status();
        Uninspectable cause = doc.cause();
        String reason = doc.reason();
        FindingTally tally = new FindingTally();
        RecordCounter.Tally recordTally = records.tally();
        List<Finding> kept = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        if (!doc.content().isEmpty()) {
            try (Reader reader = doc.content().reader()) {
                TextWindows windows = new TextWindows(reader, windowChars, overlap);
                for (TextWindows.Window w = windows.next(); w != null; w = windows.next()) {
                    ScanText text = ScanText.of(w.text());
                    DetectionEngine.Detection detection = engine.detect(text);
                    for (Finding f : detection.findings()) {
                        if (w.owns(f.start())) {
                            tally.add(f);
                            if (keepFindings) {
                                kept.add(w.offset() == 0 ? f : shifted(f, w.offset()));
                            }
                        }
                    }
                    recordTally.add(text, detection.findings(), w.ownedFrom(), w.ownedTo(), w.offset());
                    warnings.addAll(detection.warnings());
                    if (!w.last()) {
                        windows.carryHeader(headerAbove(text, w.nextStart()));
                    }
                }
            } catch (IOException e) {
                // the spool could not be read back: what was not read may hold anything
                status = ExtractionStatus.ERROR;
                cause = Uninspectable.UNREADABLE;
                reason = "cannot read back the document's spooled text: " + e.getMessage();
            }
            if (!warnings.isEmpty()) {
                if (status == ExtractionStatus.OK) {
                    status = ExtractionStatus.TRUNCATED;
                }
                if (cause == null) {
                    cause = Uninspectable.DETECTION_INCOMPLETE;
                }
                String joined = String.join("; ", warnings);
                reason = reason == null ? joined : reason + "; " + joined;
            }
        }
        int recordCount = recordTally.records();
        Policy.Outcome outcome = policy.judge(new DocumentFacts(status, cause, tally, recordCount));
        Verdict verdict = new Verdict(outcome.severity(), recordCount, tally.summaries(), outcome.ruleIds(),
                outcome.flags(), cause);
        reason = withCause(cause, status, reason);
        return new Analysis(new DocumentResult(doc.path(), status, reason, doc.contentType(), doc.content().length(),
                verdict), kept);
    }

    private static Finding shifted(Finding f, long offset) {
        return new Finding(f.type(), f.ruleId(), Math.toIntExact(f.start() + offset), Math.toIntExact(f.end() + offset),
                f.confidence(), f.value(), f.masked(), f.explanation());
    }

    /**
     * The original text of the header line of the table that the line at {@code position} (or the
     * first non-blank line after it) belongs to, when that header lies above it; else "" (nothing to carry).
     */
    static String headerAbove(ScanText text, int position) {
        TextLayout layout = text.layout();
        String original = text.normalized().original();
        int line = 0;
        for (int i = 0; i < position && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
            }
        }
        while (line < layout.lineCount() && text.text().substring(layout.lineStart(line), layout.lineEnd(line)).isBlank()) {
            line++;
        }
        if (line >= layout.lineCount() || !layout.isTableRow(line) || layout.headerLineOf(line) >= line) {
            return ""; // not in a table, or its header lies in the next window itself
        }
        int header = layout.headerLineOf(line);
        return text.normalized().originalSpan(layout.lineStart(header), layout.lineEnd(header));
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
