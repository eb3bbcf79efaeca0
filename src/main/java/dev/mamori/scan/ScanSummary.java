package dev.mamori.scan;

import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Totals of a scan, collected as results arrive. Not thread-safe: fed by the scan's ordering thread. */
public final class ScanSummary {

    private int files;
    private int documents;
    private long chars;
    private final Map<ExtractionStatus, Integer> byStatus = new EnumMap<>(ExtractionStatus.class);
    private final Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Integer> documentsByType = new TreeMap<>();
    private final Map<String, Integer> findingsByType = new TreeMap<>();
    private final Map<Uninspectable, Integer> byCause = new EnumMap<>(Uninspectable.class);
    private int records;
    private int reportable;
    private Duration elapsed = Duration.ZERO;

    void fileDone() {
        files++;
    }

    void add(DocumentResult r) {
        documents++;
        chars += r.chars();
        byStatus.merge(r.status(), 1, Integer::sum);
        bySeverity.merge(r.verdict().severity(), 1, Integer::sum);
        records += r.verdict().records();
        if (r.verdict().uninspectable() != null) {
            byCause.merge(r.verdict().uninspectable(), 1, Integer::sum);
        }
        if (r.verdict().flags().contains("appi-reportable")) {
            reportable++;
        }
        r.verdict().findings().stream().map(FindingSummary::type).distinct()
                .forEach(t -> documentsByType.merge(t, 1, Integer::sum));
        for (FindingSummary f : r.verdict().findings()) {
            findingsByType.merge(f.type(), f.count(), Integer::sum);
        }
    }

    void finish(Duration elapsed) {
        this.elapsed = elapsed;
    }

    public int files() {
        return files;
    }

    public int documents() {
        return documents;
    }

    public long chars() {
        return chars;
    }

    public int records() {
        return records;
    }

    public int reportable() {
        return reportable;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public int count(ExtractionStatus s) {
        return byStatus.getOrDefault(s, 0);
    }

    public int count(Severity s) {
        return bySeverity.getOrDefault(s, 0);
    }

    /** Documents in which each type was found. */
    public Map<String, Integer> documentsByType() {
        return documentsByType;
    }

    /** Findings of each type, all documents together. */
    public Map<String, Integer> findingsByType() {
        return findingsByType;
    }

    /** Documents not fully read, all causes together. */
    public int uninspectable() {
        return byCause.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Documents not fully read, per cause, in the causes' order. */
    public Map<Uninspectable, Integer> uninspectableByCause() {
        return java.util.Collections.unmodifiableMap(byCause);
    }

    /** True when any document is more than severity none (the CLI's exit code 1). */
    public boolean sensitive() {
        return bySeverity.entrySet().stream().anyMatch(e -> e.getKey() != Severity.NONE && e.getValue() > 0);
    }
}
