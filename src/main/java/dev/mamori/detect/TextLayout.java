package dev.mamori.detect;

import java.util.Arrays;

/**
 * Where lines and table cells are in a normalised text.
 *
 * <p>Extracted spreadsheets and CSV files come out as one row per line with cells separated by
 * tabs or commas. A run of consecutive lines that share a separator (CSV: the same number of commas)
 * is a table; its first line is
 * taken as the header row, so a value can be judged by the heading of its column ("生年月日",
 * "個人番号"). Records are counted per table row.
 */
public final class TextLayout {

    private final String text;
    private final int[] lineStarts;
    /** Per line: the separator if the line belongs to a table, else 0. */
    private final char[] lineSeparator;
    /** Per line: how many separators it has. */
    private final int[] separatorCount;
    /** Per line: index of the first line of its table, or -1. */
    private final int[] tableHeaderLine;

    private TextLayout(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
        int lines = lineStarts.length;
        this.lineSeparator = new char[lines];
        this.separatorCount = new int[lines];
        this.tableHeaderLine = new int[lines];
        Arrays.fill(tableHeaderLine, -1);
        for (int l = 0; l < lines; l++) {
            lineSeparator[l] = separatorOf(l);
        }
        int l = 0;
        while (l < lines) {
            char sep = lineSeparator[l];
            if (sep == 0) {
                l++;
                continue;
            }
            // a table runs on over rows with the same separator; blank lines between rows (HTML
            // tables come out that way) do not end it
            int end = l;
            int next = nextNonBlank(end + 1);
            while (next < lines && lineSeparator[next] == sep
                    && (sep == '\t' || separatorCount[next] == separatorCount[l])) {
                end = next;
                next = nextNonBlank(end + 1);
            }
            int header = headerOf(l, end);
            if (header >= 0 && end > header) { // a table needs a header and at least one row
                for (int k = header; k <= end; k++) {
                    if (lineSeparator[k] == sep) {
                        tableHeaderLine[k] = header;
                    }
                }
            }
            for (int k = l; k <= end; k++) {
                if (tableHeaderLine[k] < 0) {
                    lineSeparator[k] = 0;
                }
            }
            l = end + 1;
        }
    }

    private int nextNonBlank(int from) {
        int k = from;
        while (k < lineStarts.length && isBlank(k)) {
            k++;
        }
        return k;
    }

    /**
     * The header row: the first of the block's first three rows that fills at least half its
     * cells (a title row above a table, "部品表,,,,作成日", is not the header).
     */
    private int headerOf(int first, int last) {
        for (int k = first; k <= Math.min(last, first + 2); k++) {
            if (isBlank(k) || lineSeparator[k] == 0) {
                continue;
            }
            Cell[] cells = cells(k);
            long filled = java.util.Arrays.stream(cells).filter(c -> !c.text().isEmpty()).count();
            if (filled * 2 >= cells.length) {
                return k;
            }
        }
        return -1;
    }

    public static TextLayout of(String normalizedText) {
        int count = 1;
        for (int i = 0; i < normalizedText.length(); i++) {
            if (normalizedText.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < normalizedText.length(); i++) {
            if (normalizedText.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return new TextLayout(normalizedText, starts);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Index of the line holding position {@code pos}. */
    public int lineOf(int pos) {
        int i = Arrays.binarySearch(lineStarts, pos);
        return i >= 0 ? i : -i - 2;
    }

    public int lineStart(int line) {
        return lineStarts[line];
    }

    /** End of the line's content, before any {@code \r\n}. */
    public int lineEnd(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        return end;
    }

    public boolean isTableRow(int line) {
        return tableHeaderLine[line] >= 0;
    }

    /** The header line of the table holding {@code line}, or -1 outside tables. */
    public int headerLineOf(int line) {
        return tableHeaderLine[line];
    }

    /** True when the line is the first (header) line of a table. */
    public boolean isTableHeader(int line) {
        return tableHeaderLine[line] == line;
    }

    /** Zero-based index of the table cell holding {@code pos}, or -1 outside tables. */
    public int cellIndex(int pos) {
        int line = lineOf(pos);
        if (!isTableRow(line)) {
            return -1;
        }
        char sep = lineSeparator[line];
        int index = 0;
        boolean quoted = false;
        for (int i = lineStarts[line]; i < pos; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                index++;
            }
        }
        return index;
    }

    /** The text of the header cell above {@code pos}, or "" outside tables or in the header itself. */
    public String columnHeader(int pos) {
        int line = lineOf(pos);
        int header = tableHeaderLine[line];
        if (header < 0 || header == line) {
            return "";
        }
        return cell(header, cellIndex(pos));
    }

    /** Cells of a table row (quotes stripped, trimmed), with their start offsets. */
    public Cell[] cells(int line) {
        char sep = lineSeparator[line];
        int start = lineStarts[line];
        int end = lineEnd(line);
        java.util.List<Cell> cells = new java.util.ArrayList<>();
        boolean quoted = false;
        int cellStart = start;
        for (int i = start; i <= end; i++) {
            char c = i < end ? text.charAt(i) : sep;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && (!quoted || i == end)) {
                cells.add(Cell.trimmed(text, cellStart, i));
                cellStart = i + 1;
            }
        }
        return cells.toArray(new Cell[0]);
    }

    /** Header rows are asked for their cells once per finding in a table: parse each once. */
    private final java.util.Map<Integer, Cell[]> headerCells = new java.util.concurrent.ConcurrentHashMap<>();

    String cell(int line, int index) {
        Cell[] cells = headerCells.computeIfAbsent(line, this::cells);
        return index >= 0 && index < cells.length ? cells[index].text() : "";
    }

    private char separatorOf(int line) {
        int start = lineStarts[line];
        int end = lineEnd(line);
        int tabs = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\t') {
                tabs++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        // spreadsheets (tabs) may skip empty cells; CSV rows must have as many commas as their header
        if (tabs >= 1 && tabs >= commas) {
            separatorCount[line] = tabs;
            return '\t';
        }
        separatorCount[line] = commas;
        return commas >= 1 ? ',' : 0;
    }

    private boolean isBlank(int line) {
        for (int i = lineStarts[line]; i < lineEnd(line); i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u3000') {
                return false;
            }
        }
        return true;
    }

    /** A table cell: its trimmed text and where that text starts and ends. */
    public record Cell(String text, int start, int end) {
        static Cell trimmed(String text, int from, int to) {
            while (from < to && (Character.isWhitespace(text.charAt(from)) || text.charAt(from) == '"')) {
                from++;
            }
            while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || text.charAt(to - 1) == '"')) {
                to--;
            }
            return new Cell(text.substring(from, to), from, to);
        }
    }
}
