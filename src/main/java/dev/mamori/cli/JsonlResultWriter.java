package dev.mamori.cli;

import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.scan.ScanSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per document, one per line (the schema is in the README):
 * {@code {"path","status","reason"?,"severity","records","flags","findings":[{"type","count","confidence","rule","samples"}]}}.
 */
final class JsonlResultWriter implements ResultWriter {

    private final Writer out;

    JsonlResultWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(DocumentResult result) throws IOException {
        out.write(ResultJson.JSON.writeValueAsString(ResultJson.toJson(result)));
        out.write('\n');
    }

    @Override
    public void finish(ScanSummary summary) throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
