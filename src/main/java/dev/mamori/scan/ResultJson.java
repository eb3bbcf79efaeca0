package dev.mamori.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.Confidence;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Uninspectable;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import dev.mamori.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The JSON form of a {@link DocumentResult}: the documented JSONL schema of {@code mamori scan},
 * also how the agent's state store remembers verdicts. Holds masked samples only.
 */
public final class ResultJson {

    public static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {
    }

    public static ObjectNode toJson(DocumentResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("path", r.path());
        o.put("status", r.status().label());
        if (r.reason() != null) {
            o.put("reason", r.reason());
        }
        o.put("contentType", r.contentType());
        o.put("severity", r.verdict().severity().label());
        o.put("records", r.verdict().records());
        if (r.verdict().uninspectable() != null) {
            o.put("uninspectable", r.verdict().uninspectable().label());
        }
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

    public static DocumentResult fromJson(JsonNode o) {
        List<FindingSummary> findings = new ArrayList<>();
        for (JsonNode f : o.path("findings")) {
            findings.add(new FindingSummary(f.path("type").asText(), f.path("rule").asText(), f.path("count").asInt(),
                    Confidence.parse(f.path("confidence").asText()), strings(f.path("samples")),
                    strings(f.path("explanation"))));
        }
        Verdict verdict = new Verdict(Severity.parse(o.path("severity").asText()), o.path("records").asInt(), findings,
                strings(o.path("policy")), new LinkedHashSet<>(strings(o.path("flags"))),
                o.hasNonNull("uninspectable") ? Uninspectable.parse(o.path("uninspectable").asText()) : null);
        return new DocumentResult(o.path("path").asText(), ExtractionStatus.parse(o.path("status").asText()),
                o.hasNonNull("reason") ? o.path("reason").asText() : null, o.path("contentType").asText(), 0, verdict);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
