package dev.mamori.output;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Mamori writes CSV: RFC 4180 quoting, and a text cell that a spreadsheet would read
 * as a formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading single
 * quote, as OWASP recommends, so a file named {@code =HYPERLINK("http://x")} opens as text.
 * Control characters are escaped as {@link SafeText} does, so each record is one line and a CSV
 * printed to a terminal cannot drive it (JSON output keeps exact names, for scripts).
 * Numbers are written as they are (a count of -1 is not a formula). Not thread-safe; closing it
 * flushes but does not close the writer, which stays the caller's.
 */
public final class SafeCsv implements Closeable, Flushable {

    private final CSVPrinter csv;

    private SafeCsv(Writer out, String... header) throws IOException {
        this.csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
    }

    /** A CSV on {@code out} that starts with {@code header}. */
    public static SafeCsv of(Writer out, String... header) throws IOException {
        return new SafeCsv(out, header);
    }

    /**
     * The same, after a byte-order mark: Excel in a Japanese locale reads a UTF-8 CSV correctly only
     * with one.
     */
    public static SafeCsv forExcel(Writer out, String... header) throws IOException {
        out.write('\uFEFF');
        return new SafeCsv(out, header);
    }

    /** One record; null cells are written empty. */
    public void row(Object... cells) throws IOException {
        Object[] safe = new Object[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cell(cells[i]);
        }
        csv.printRecord(safe);
    }

    /** The value as the cell will hold it. */
    public static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        String s = SafeText.of(value);
        // the full-width forms too: Excel with a Japanese IME may take them for the ASCII ones
        if (!s.isEmpty() && "=+-@\t\r\uff1d\uff0b\uff0d\uff20".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    @Override
    public void flush() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.flush();
    }
}
