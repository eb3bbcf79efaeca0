package dev.mamori.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ScanSummary;
import dev.mamori.verdict.FindingSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per document, one per line (the schema is in the README):
 * {@code {"path","status","reason"?,"severity","records","flags","findings":[{"type","count","confidence","rule","samples"}]}}.
 */
final class JsonlResultWriter implements ResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    JsonlResultWriter(Writer out) {
        this.out = out;
    }

    static ObjectNode toJson(DocumentResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("path", r.path());
        o.put("status", r.status().label());
        if (r.reason() != null) {
            o.put("reason", r.reason());
        }
        o.put("contentType", r.contentType());
        o.put("severity", r.verdict().severity().label());
        o.put("records", r.verdict().records());
        ArrayNode flags = o.putArray("flags");
        r.verdict().flags().stream().sorted().forEach(flags::add);
        ArrayNode policy = o.putArray("policy");
        r.verdict().policyRules().forEach(policy::add);
        ArrayNode findings = o.putArray("findings");
        for (FindingSummary f : r.verdict().findings()) {
            ObjectNode fo = findings.addObject();
            fo.put("type", f.type());
            fo.put("count", f.count());
            fo.put("confidence", f.confidence().label());
            fo.put("rule", f.rule());
            ArrayNode samples = fo.putArray("samples");
            f.samples().forEach(samples::add);
            ArrayNode why = fo.putArray("explanation");
            f.explanation().forEach(why::add);
        }
        return o;
    }

    @Override
    public void write(DocumentResult result) throws IOException {
        out.write(JSON.writeValueAsString(toJson(result)));
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
