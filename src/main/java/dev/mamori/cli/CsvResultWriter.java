package dev.mamori.cli;

import dev.mamori.output.SafeCsv;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ScanSummary;
import dev.mamori.verdict.FindingSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * One row per document and finding type (a document without findings gets one row with empty
 * finding columns), for spreadsheets.
 */
final class CsvResultWriter implements ResultWriter {

    static final String[] HEADER = {"path", "status", "reason", "severity", "records", "flags", "type", "rule", "count",
            "confidence", "samples"};

    private final SafeCsv csv;

    CsvResultWriter(Writer out) throws IOException {
        this.csv = SafeCsv.of(out, HEADER);
    }

    @Override
    public void write(DocumentResult r) throws IOException {
        String flags = String.join(";", r.verdict().flags());
        if (r.verdict().findings().isEmpty()) {
            csv.row(r.path(), r.status().label(), nz(r.reason()), r.verdict().severity().label(),
                    r.verdict().records(), flags, "", "", "", "", "");
            return;
        }
        for (FindingSummary f : r.verdict().findings()) {
            csv.row(r.path(), r.status().label(), nz(r.reason()), r.verdict().severity().label(),
                    r.verdict().records(), flags, f.type(), f.rule(), f.count(), f.confidence().label(),
                    String.join(" | ", f.samples()));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void finish(ScanSummary summary) throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.flush();
    }
}
