package dev.mamori.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An auditor's decision about an alert.
 *
 * @param alertId the alert
 * @param action  ack, dismiss, escalate, or restore (a quarantined file given back)
 * @param note    why
 * @param by      who
 * @param at      when
 */
public record Triage(String alertId, String action, String note, String by, Instant at) {

    public static final java.util.List<String> ACTIONS = java.util.List.of("ack", "dismiss", "escalate", "restore");

    static String toJson(Triage t, long seq) {
        ObjectNode o = AlertJson.JSON.createObjectNode();
        o.put("@timestamp", t.at().toString());
        o.putObject("event").put("kind", "triage").put("sequence", seq).put("action", t.action());
        o.putObject("user").put("name", t.by());
        ObjectNode m = o.putObject("mamori");
        m.put("alert_id", t.alertId());
        m.put("note", t.note());
        return o.toString();
    }

    static Triage fromJson(JsonNode o) {
        return new Triage(o.path("mamori").path("alert_id").asText(), o.path("event").path("action").asText(),
                o.path("mamori").path("note").asText(), o.path("user").path("name").asText(),
                Instant.parse(o.path("@timestamp").asText()));
    }

    /** Writes a triage request file for a running agent to record (it holds the store's lock). */
    public static void request(java.nio.file.Path inbox, Triage t) throws java.io.IOException {
        java.nio.file.Files.createDirectories(inbox);
        java.nio.file.Path tmp = inbox.resolve(t.alertId() + "-" + t.at().toEpochMilli() + ".tmp");
        java.nio.file.Files.writeString(tmp, toJson(t, 0), java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.move(tmp, inbox.resolve(tmp.getFileName().toString().replace(".tmp", ".json")),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a request file written by {@link #request}. */
    public static Triage read(java.nio.file.Path file) throws java.io.IOException {
        return fromJson(AlertJson.JSON.readTree(file.toFile()));
    }
}
