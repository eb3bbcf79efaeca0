package dev.mamori.cli;

import dev.mamori.extract.ExtractionStatus;
import dev.mamori.scan.ScanSummary;
import dev.mamori.verdict.Severity;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/** The end-of-scan table: files, documents by status and severity, the most frequent types. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(ScanSummary s, PrintWriter out) {
        double seconds = Math.max(0.001, s.elapsed().toMillis() / 1000.0);
        out.println();
        out.printf(Locale.ROOT, "Scanned %d files (%d documents) in %.1f s, %.1f files/s%n", s.files(), s.documents(),
                seconds, s.files() / seconds);
        out.print("  status:  ");
        for (ExtractionStatus st : ExtractionStatus.values()) {
            out.printf(Locale.ROOT, "%s %d  ", st.label(), s.count(st));
        }
        out.println();
        out.print("  severity:");
        for (Severity sv : new Severity[] {Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.NONE}) {
            out.printf(Locale.ROOT, " %s %d ", sv.label(), s.count(sv));
        }
        out.println();
        if (s.uninspectable() > 0) {
            StringBuilder causes = new StringBuilder();
            s.uninspectableByCause().forEach((c, n) -> causes.append(causes.isEmpty() ? "" : ", ").append(c.label())
                    .append(' ').append(n));
            out.printf(Locale.ROOT, "  not fully inspected (never clean): %d documents (%s)%n", s.uninspectable(), causes);
        }
        out.printf(Locale.ROOT, "  personal records: %d%s%n", s.records(),
                s.reportable() > 0 ? "   APPI-reportable documents: " + s.reportable() : "");
        if (!s.documentsByType().isEmpty()) {
            out.println("  top types (documents / findings):");
            s.documentsByType().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(10)
                    .forEach(e -> out.printf(Locale.ROOT, "    %-26s %6d / %d%n", e.getKey(), e.getValue(),
                            s.findingsByType().get(e.getKey())));
        }
        out.flush();
    }
}
