package dev.mamori.cli;

import dev.mamori.extract.ExtractionStatus;
import dev.mamori.output.SafeText;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ScanSummary;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * For people (names and reasons through {@link SafeText}, so a file name cannot split a line or
 * drive the terminal): one block per document that holds something or could not be read fully, then the
 * summary. Clean documents are not listed (there may be thousands).
 */
final class TextResultWriter implements ResultWriter {

    private final PrintWriter out;
    private final boolean summary;

    TextResultWriter(PrintWriter out, boolean summary) {
        this.out = out;
        this.summary = summary;
    }

    @Override
    public void write(DocumentResult r) {
        boolean interesting = r.verdict().severity() != Severity.NONE || r.status() != ExtractionStatus.OK
                || !r.verdict().findings().isEmpty();
        if (!interesting) {
            return;
        }
        StringBuilder head = new StringBuilder();
        head.append(String.format(Locale.ROOT, "%-6s %s", r.verdict().severity().label().toUpperCase(Locale.ROOT),
                SafeText.of(r.path())));
        if (r.status() != ExtractionStatus.OK) {
            head.append("  [").append(r.status().label()).append(": ").append(SafeText.of(r.reason())).append(']');
        }
        if (r.verdict().records() > 0) {
            head.append("  records=").append(r.verdict().records());
        }
        if (!r.verdict().flags().isEmpty()) {
            head.append("  flags=").append(String.join(",", r.verdict().flags()));
        }
        out.println(head);
        for (FindingSummary f : r.verdict().findings()) {
            out.printf(Locale.ROOT, "         %-24s x%-5d %-6s %s  (%s)%n", f.type(), f.count(), f.confidence().label(),
                    SafeText.of(String.join(", ", f.samples())), SafeText.of(f.rule()));
        }
    }

    @Override
    public void finish(ScanSummary totals) {
        if (summary) {
            SummaryPrinter.print(totals, out);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
