package dev.mamori.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alerts as Elastic Common Schema {@value #ECS_VERSION} documents, with Mamori's own fields under
 * {@code mamori.*}. The same form is stored and sent to every sink. ECS fields hold single values
 * where ECS expects one: {@code file.*} describe the file on disk (an archive member is named in
 * {@code mamori.member}, its size and hash being the archive's), {@code rule.id}/{@code rule.name}
 * the alert's first rule ({@code mamori.rules} lists all), {@code rule.ruleset} the packs it was
 * judged with ({@code mamori.packs} lists them), {@code user.name} and {@code file.owner} the file's
 * owner. {@code message} is a one-line summary built from masked values only.
 */
public final class AlertJson {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The ECS release the documents follow (field names, types, allowed categorisation values). */
    public static final String ECS_VERSION = "8.11.0";
    /** rule.id of an alert with no rule: a file that could not be fully read (encrypted, corrupt, a limit). */
    static final String UNINSPECTABLE_RULE = "uninspectable";

    private AlertJson() {
    }

    /** ECS event.severity: a number, higher is worse. */
    static int ecsSeverity(Severity severity) {
        return switch (severity) {
            case HIGH -> 73;
            case MEDIUM -> 47;
            case LOW, NONE -> 21;
        };
    }

    public static ObjectNode toJson(Alert a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@timestamp", a.time().toString());
        o.putObject("ecs").put("version", ECS_VERSION);
        o.put("message", message(a));
        String dataset = a.isHealth() ? "mamori.health" : "mamori.alert";
        ObjectNode event = o.putObject("event");
        event.put("id", a.id());
        if (a.isHealth()) {
            // about the agent itself, not personal data: an ECS event, not an alert, so that a SIEM
            // rule on event.kind:alert and the report's totals count personal data only
            event.put("kind", "event");
            event.putArray("category").add("process");
            event.putArray("type").add("info"); // ECS expects no "error" type with category process
            event.put("outcome", "failure");
            event.put("action", HEALTH_ACTION);
        } else {
            event.put("kind", "alert");
            event.putArray("category").add("file");
            var type = event.putArray("type").add("info");
            if (a.action() == AlertAction.QUARANTINE) {
                type.add("change"); // the file was moved away
            }
            event.put("action", a.action() == AlertAction.QUARANTINE ? "file-quarantined" : "personal-data-detected");
        }
        event.put("severity", ecsSeverity(a.severity()));
        event.put("sequence", a.seq());
        event.put("module", "mamori");
        event.put("dataset", dataset);
        o.putObject("data_stream").put("type", "logs").put("dataset", dataset).put("namespace", "default");
        ObjectNode host = o.putObject("host").put("name", a.host());
        if (a.hostInfo() != null) {
            if (a.hostInfo().id() != null) {
                host.put("id", a.hostInfo().id());
            }
            host.putObject("os").put("type", a.hostInfo().osType()).put("name", a.hostInfo().osName())
                    .put("version", a.hostInfo().osVersion());
        }
        o.putObject("user").put("name", a.user());
        boolean aboutAFile = !a.isHealth() || isFilePath(a.path()); // a health alert names a file only when it concerns one
        if (aboutAFile) {
            String onDisk = a.containerPath();
            ObjectNode file = o.putObject("file");
            file.put("path", onDisk);
            String name = fileName(onDisk);
            file.put("name", name);
            int dot = name.lastIndexOf('.');
            if (dot > 0 && dot < name.length() - 1) {
                file.put("extension", name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
            }
            if (onDisk.length() > name.length()) {
                file.put("directory", onDisk.substring(0, onDisk.length() - name.length() - 1));
            }
            file.put("size", a.size());
            if (a.fileMtime() != null) {
                file.put("mtime", a.fileMtime().toString());
            }
            file.putObject("hash").put("sha256", a.sha256());
            if (!a.isHealth()) {
                file.put("owner", a.user());
            }
        }
        ObjectNode rule = o.putObject("rule");
        String primary = a.rules().isEmpty() ? (a.isHealth() ? HealthProblem.RULE : UNINSPECTABLE_RULE)
                : a.rules().get(a.isHealth() ? a.rules().size() - 1 : 0); // a health alert's last rule is its kind
        rule.put("id", primary).put("name", primary);
        if (!a.packs().isEmpty()) {
            rule.put("ruleset", String.join(", ", a.packs()));
        }
        o.putObject("agent").put("type", "mamori").put("version", a.agentVersion());
        ObjectNode related = o.putObject("related");
        related.putArray("hosts").add(a.host());
        related.putArray("user").add(a.user());
        if (aboutAFile && a.sha256() != null && !a.sha256().isEmpty()) {
            related.putArray("hash").add(a.sha256());
        }
        ObjectNode m = o.putObject("mamori");
        m.put("severity", a.severity().label());
        m.put("exit_point", a.exitPoint().label());
        m.put("records", a.records());
        ObjectNode counts = m.putObject("types");
        new TreeMap<>(a.counts()).forEach(counts::put);
        var samples = m.putArray("samples");
        a.samples().forEach(samples::add);
        var rules = m.putArray("rules");
        a.rules().forEach(rules::add);
        var packs = m.putArray("packs");
        a.packs().forEach(packs::add);
        m.put("appi_reportable", a.appiReportable());
        m.put("action", a.action().label());
        if (a.isHealth()) {
            m.put("subject", a.path()); // what the health alert is about: a file, a rule pack, a config file
        } else if (a.memberPath() != null) {
            m.put("member", a.memberPath());
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

    /**
     * The one-line summary an analyst reads first. Masked values only: counts, types, the masked
     * samples' types, and the path as the alert carries it (masked when the sink masks paths).
     */
    static String message(Alert a) {
        if (a.isHealth()) {
            return "Mamori agent problem: " + (a.samples().isEmpty() ? a.path() : a.samples().get(0));
        }
        String what = a.counts().isEmpty() ? "could not be fully inspected"
                : a.records() + " record(s) of personal data (" + String.join(", ",
                        new TreeMap<>(a.counts()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()) + ")";
        return a.severity().label() + " (" + a.exitPoint().label() + "): " + fileName(a.path()) + " " + what
                + (a.action() == AlertAction.QUARANTINE ? ", quarantined" : "");
    }

    /** The last name in a path, '/' or '\\' separated (alerts from Windows carry backslashes). */
    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Reads the current form and the one stored before ECS {@value #ECS_VERSION} (rule lists under rule.*). */
    public static Alert fromJson(JsonNode o) {
        JsonNode m = o.path("mamori");
        Map<String, Integer> counts = new TreeMap<>();
        m.path("types").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        String path = m.hasNonNull("subject") ? m.path("subject").asText()
                : o.path("file").path("path").asText() + (m.hasNonNull("member") ? Alert.MEMBER_SEPARATOR + m.path("member").asText() : "");
        boolean current = m.has("rules");
        List<String> rules = current ? strings(m.path("rules")) : strings(o.path("rule").path("name"));
        List<String> packs = current ? strings(m.path("packs")) : strings(o.path("rule").path("ruleset"));
        return new Alert(o.path("event").path("sequence").asLong(), o.path("event").path("id").asText(),
                Instant.parse(o.path("@timestamp").asText()), o.path("host").path("name").asText(),
                o.path("user").path("name").asText(), path, ExitPointKind.parseStored(m.path("exit_point").asText()),
                o.path("file").path("hash").path("sha256").asText(), o.path("file").path("size").asLong(),
                storedSeverity(m.path("severity").asText()), counts, m.path("records").asInt(), strings(m.path("samples")),
                rules, m.path("appi_reportable").asBoolean(), AlertAction.parse(m.path("action").asText()),
                m.hasNonNull("quarantine_id") ? m.path("quarantine_id").asText() : null,
                o.path("agent").path("version").asText(), packs, strings(m.path("members")),
                m.path("member_count").asInt(), o.path("file").hasNonNull("mtime") ? Instant.parse(o.path("file").path("mtime").asText()) : null,
                hostInfo(o.path("host")));
    }

    /** An alert's severity as stored; one this version does not know reads as medium, so the alert is kept. */
    private static Severity storedSeverity(String label) {
        Severity s = Severity.parse(label);
        return s == null || s == Severity.NONE ? Severity.MEDIUM : s;
    }

    private static HostInfo hostInfo(JsonNode host) {
        JsonNode os = host.path("os");
        return os.isMissingNode() ? null : new HostInfo(host.hasNonNull("id") ? host.path("id").asText() : null,
                os.path("type").asText(), os.path("name").asText(), os.path("version").asText());
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

    /**
     * The alert chain's head as an ECS state event, for sinks that carry documents (the webhook):
     * {@code event.kind: state}, {@code event.action: chain-head}, the head in {@code mamori.chain_head},
     * so that a SIEM keeps the anchor {@code mamori verify --head} checks, and a consumer of alerts
     * tells it apart by its kind.
     */
    public static String chainHead(String host, String head, java.time.Instant at) {
        ObjectNode o = JSON.createObjectNode();
        o.put("@timestamp", at.toString());
        o.putObject("ecs").put("version", ECS_VERSION);
        o.put("message", "alert chain head " + head);
        o.putObject("event").put("kind", "state").put("action", "chain-head").put("module", "mamori")
                .put("dataset", "mamori.chain");
        o.putObject("host").put("name", host);
        o.putObject("mamori").put("chain_head", head);
        return o.toString();
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
