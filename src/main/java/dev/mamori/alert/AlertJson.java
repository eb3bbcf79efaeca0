package dev.mamori.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts as JSON in Elastic Common Schema field names ({@code @timestamp}, {@code event.*},
 * {@code host.name}, {@code user.name}, {@code file.*}, {@code rule.name}), with Mamori's own
 * fields under {@code mamori.*}. The same form is stored and sent to every sink.
 */
public final class AlertJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    /** ECS event.severity: a number, higher is worse. */
    static int ecsSeverity(String severity) {
        return switch (severity) {
            case "high" -> 73;
            case "medium" -> 47;
            default -> 21;
        };
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@timestamp", a.time().toString());
        ObjectNode event = o.putObject("event");
        event.put("id", a.id());
        if (a.isHealth()) {
            // about the agent itself, not personal data: an ECS event, not an alert, so that a SIEM
            // rule on event.kind:alert and the report's totals count personal data only
            event.put("kind", "event");
            event.putArray("category").add("process");
            event.putArray("type").add("error");
            event.put("action", HEALTH_ACTION);
        } else {
            event.put("kind", "alert");
            event.putArray("category").add("file");
            event.put("action", a.action().equals("quarantine") ? "file-quarantined" : "personal-data-detected");
        }
        event.put("severity", ecsSeverity(a.severity()));
        event.put("sequence", a.seq());
        o.putObject("host").put("name", a.host());
        o.putObject("user").put("name", a.user());
        if (!a.isHealth() || isFilePath(a.path())) { // a health alert names a file only when it concerns one
            ObjectNode file = o.putObject("file");
            file.put("path", a.path());
            file.put("size", a.size());
            file.putObject("hash").put("sha256", a.sha256());
        }
        var rules = o.putObject("rule").putArray("name");
        a.rules().forEach(rules::add);
        o.putObject("agent").put("type", "mamori").put("version", a.agentVersion());
        if (!a.packs().isEmpty()) {
            // ECS rule.ruleset: the packs (name and version) the verdict was reached with
            var packs = ((ObjectNode) o.get("rule")).putArray("ruleset");
            a.packs().forEach(packs::add);
        }
        ObjectNode m = o.putObject("mamori");
        m.put("severity", a.severity());
        m.put("exit_point", a.exitPoint());
        m.put("records", a.records());
        ObjectNode counts = m.putObject("types");
        new TreeMap<>(a.counts()).forEach(counts::put);
        var samples = m.putArray("samples");
        a.samples().forEach(samples::add);
        m.put("appi_reportable", a.appiReportable());
        m.put("action", a.action());
        if (a.isHealth()) {
            m.put("subject", a.path()); // what the health alert is about: a file, a rule pack, a config file
        }
        if (a.quarantineId() != null) {
            m.put("quarantine_id", a.quarantineId());
        }
        if (a.memberCount() > 0) {
            var members = m.putArray("members");
            a.members().forEach(members::add);
            m.put("member_count", a.memberCount());
        }
        return o;
    }

    public static Alert fromJson(JsonNode o) {
        JsonNode m = o.path("mamori");
        Map<String, Integer> counts = new TreeMap<>();
        m.path("types").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return new Alert(o.path("event").path("sequence").asLong(), o.path("event").path("id").asText(),
                Instant.parse(o.path("@timestamp").asText()), o.path("host").path("name").asText(),
                o.path("user").path("name").asText(),
                m.hasNonNull("subject") ? m.path("subject").asText() : o.path("file").path("path").asText(),
                m.path("exit_point").asText(),
                o.path("file").path("hash").path("sha256").asText(), o.path("file").path("size").asLong(),
                m.path("severity").asText(), counts, m.path("records").asInt(), strings(m.path("samples")),
                strings(o.path("rule").path("name")), m.path("appi_reportable").asBoolean(), m.path("action").asText(),
                m.hasNonNull("quarantine_id") ? m.path("quarantine_id").asText() : null,
                o.path("agent").path("version").asText(), strings(o.path("rule").path("ruleset")), strings(m.path("members")),
                m.path("member_count").asInt());
    }

    /** {@code event.action} of an alert about the agent itself. */
    public static final String HEALTH_ACTION = "agent-health";

    private static boolean isFilePath(String subject) {
        try {
            return java.nio.file.Path.of(subject).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    public static String line(Alert a) {
        try {
            return JSON.writeValueAsString(toJson(a));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
