package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detector kind {@code column}: in a table (CSV, spreadsheet, TSV), every cell of a column whose
 * header contains one of the configured headings and whose whole value matches the value pattern.
 * This is how a roster's 氏名 or フリガナ column is recognised although a name has no shape of its own.
 */
public final class ColumnDetector implements Detector {

    private final RuleSpec spec;
    private final List<String> headers;
    private final List<String> excludedHeaders;
    private final Pattern value;

    /**
     * @param headers         a column counts when its heading contains one of these
     * @param excludedHeaders ...unless it also contains one of these (会社名 is not a person's name)
     * @param value           pattern the whole (trimmed) cell must match
     */
    public ColumnDetector(RuleSpec spec, List<String> headers, List<String> excludedHeaders, Pattern value) {
        this.spec = spec;
        this.headers = lowered(headers);
        this.excludedHeaders = lowered(excludedHeaders);
        this.value = value;
    }

    private static List<String> lowered(List<String> words) {
        return words.stream().map(ScanText::searchForm).toList();
    }

    @Override
    public RuleSpec spec() {
        return spec;
    }

    @Override
    public List<Finding> detect(ScanText text) {
        List<Finding> findings = new ArrayList<>();
        TextLayout layout = text.layout();
        long deadline = spec.deadline(text.length());
        java.util.Map<Integer, String> columns = java.util.Map.of();
        for (int line = 0; line < layout.lineCount(); line++) {
            if (!layout.isTableRow(line)) {
                continue;
            }
            TextLayout.Cell[] cells = layout.cells(line);
            if (layout.isTableHeader(line)) {
                columns = new java.util.TreeMap<>();
                for (int c = 0; c < cells.length; c++) {
                    String heading = heading(cells[c].text());
                    if (heading != null) {
                        columns.put(c, heading);
                    }
                }
                continue;
            }
            for (var column : columns.entrySet()) {
                int c = column.getKey();
                if (c >= cells.length || cells[c].text().isEmpty()) {
                    continue;
                }
                TextLayout.Cell cell = cells[c];
                Matcher m = value.matcher(new TimeBoundedText(cell.text(), deadline, spec.id()));
                if (m.matches()) {
                    Finding f = CandidateJudge.judge(spec, text, cell.start(), cell.end(), "column value",
                            name -> null, "column headed '" + column.getValue() + "'");
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
        return findings;
    }

    private String heading(String cell) {
        String lower = ScanText.asciiLower(cell);
        for (String x : excludedHeaders) {
            if (ContextMatcher.headingMatches(lower, x)) {
                return null;
            }
        }
        for (String h : headers) {
            if (ContextMatcher.headingMatches(lower, h)) {
                return h;
            }
        }
        return null;
    }
}
