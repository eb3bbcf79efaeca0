package dev.mamori.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An auditor's decision about an alert.
 *
 * @param alertId the alert
 * @param action  what was decided
 * @param note    why
 * @param by      who
 * @param at      when
 */
public record Triage(String alertId, TriageAction action, String note, String by, Instant at) {

    static String toJson(Triage t, long seq) {
        ObjectNode o = AlertJson.JSON.createObjectNode();
        o.put("@timestamp", t.at().toString());
        o.putObject("event").put("kind", "triage").put("sequence", seq).put("action", t.action().label());
        o.putObject("user").put("name", t.by());
        ObjectNode m = o.putObject("mamori");
        m.put("alert_id", t.alertId());
        m.put("note", t.note());
        return o.toString();
    }

    /** A stored decision, or null for one whose action this version does not know (a newer agent's). */
    static Triage fromJson(JsonNode o) {
        TriageAction action = TriageAction.parse(o.path("event").path("action").asText());
        return action == null ? null : new Triage(o.path("mamori").path("alert_id").asText(), action,
                o.path("mamori").path("note").asText(), o.path("user").path("name").asText(),
                Instant.parse(o.path("@timestamp").asText()));
    }

    /**
     * Hands a decision to a running agent: a request file in its inbox, named by a fresh request
     * id. The inbox is the agent's (it creates it at start; this never does, so that it never
     * belongs to someone else). Who decided is what the operating system records as the file's
     * owner; {@code sudoUser} is believed only in a request that root owns.
     */
    public static String request(java.nio.file.Path inbox, Triage t, String sudoUser) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(inbox, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.io.IOException("the agent has no inbox at " + inbox + " (it makes one when it starts)");
        }
        String requestId = java.util.UUID.randomUUID().toString();
        ObjectNode o = (ObjectNode) AlertJson.JSON.readTree(toJson(t, 0));
        if (!sudoUser.isEmpty()) {
            ((ObjectNode) o.path("user")).put("sudo", sudoUser);
        }
        java.nio.file.Path tmp = inbox.resolve("." + requestId + ".tmp");
        java.nio.file.Files.writeString(tmp, o.toString(), java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        java.nio.file.Files.move(tmp, inbox.resolve(requestId + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return requestId;
    }

    /**
     * Reads a request's decision; {@code by} is given by the reader (the file's owner), never taken
     * from the file.
     *
     * @throws IllegalArgumentException for an action that is not one of {@link TriageAction}
     */
    public static Triage read(JsonNode request, String by) {
        Triage claimed = fromJson(request);
        if (claimed == null) {
            throw new IllegalArgumentException("unknown action '" + request.path("event").path("action").asText()
                    + "' (one of " + TriageAction.labels() + ")");
        }
        return new Triage(claimed.alertId(), claimed.action(), claimed.note(), by, claimed.at());
    }
}
