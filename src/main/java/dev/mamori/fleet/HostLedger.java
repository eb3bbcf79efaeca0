package dev.mamori.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.alert.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the collector knows about each host: the last alert sequence number it accepted, the rule
 * packs the host's newest alert was judged with, and when that alert was raised. Each arriving
 * alert is admitted against it: the next number is in order; a higher one means alerts are
 * missing (a gap); a lower one is either a repeat of a stored alert (at-least-once delivery: it is
 * dropped) or an alert out of order. Saved as JSON in the store's commit, beside the consumer
 * offsets, so a restarted collector checks on from where its store stands. Not thread-safe: the
 * collector's poll thread owns it.
 */
public final class HostLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One host's state.
     *
     * @param chainHead the newest head of the host's own alert chain it sent ("seq:hash"), null before the first
     */
    public record Host(long lastSeq, List<String> packs, Instant lastSeen, long alerts, String chainHead) {
        public Host {
            packs = List.copyOf(packs);
        }
    }

    /** Records the chain head a host sent after its alerts. */
    public void chainHead(String host, String head, Instant at) {
        if (host == null || head == null || !head.matches("\\d+:[0-9a-f]+")) {
            return; // not a head: nothing to keep
        }
        Host h = hosts.get(host);
        hosts.put(host, h == null ? new Host(0, List.of(), at, 0, head)
                : new Host(h.lastSeq(), h.packs(), h.lastSeen(), h.alerts(), head));
    }

    /** How an arriving alert fits its host's sequence. */
    public enum Fit {
        /** The next number (or the first alert seen from this host). */
        IN_ORDER,
        /** Numbers were skipped: alerts between never arrived. Stored, with a finding. */
        GAP,
        /** An older number not stored yet: out of order. Stored, with a finding. */
        REORDERED,
        /** An alert already stored, sent again: dropped. */
        REPEATED
    }

    /**
     * @param fit     how it fits
     * @param finding what is wrong, for GAP and REORDERED; null otherwise
     */
    public record Admission(Fit fit, String finding) {
        public boolean store() {
            return fit != Fit.REPEATED;
        }
    }

    private final Map<String, Host> hosts = new TreeMap<>();

    /**
     * Admits one alert of {@code alert.host()} carrying the host's own sequence number.
     *
     * @param stored tells whether an alert id is already in the store (asked only for lower numbers)
     */
    public Admission admit(Alert alert, Predicate<String> stored) {
        return admit(alert, 0, stored);
    }

    /**
     * Admits one alert that names the number of the alert its host sent before it ({@code previous},
     * 0 when unknown): numbers may then jump over records the host never sends (its triage
     * decisions) without counting as a gap.
     */
    public Admission admit(Alert alert, long previous, Predicate<String> stored) {
        Host h = hosts.get(alert.host());
        long seq = alert.seq();
        Admission result;
        if (h == null || seq == h.lastSeq() + 1 || seq > h.lastSeq() && previous == h.lastSeq()) {
            result = new Admission(Fit.IN_ORDER, null);
        } else if (seq > h.lastSeq() + 1) {
            long missing = seq - h.lastSeq() - 1;
            result = new Admission(Fit.GAP, "alert sequence gap: " + missing + " alert(s) after " + h.lastSeq()
                    + " never arrived (next seen: " + seq + ")");
        } else if (stored.test(alert.id())) {
            return new Admission(Fit.REPEATED, null);
        } else {
            result = new Admission(Fit.REORDERED, "alert " + seq + " arrived out of order, after " + h.lastSeq());
        }
        Instant seen = h == null || alert.time().isAfter(h.lastSeen()) ? alert.time() : h.lastSeen();
        long last = h == null ? seq : Math.max(seq, h.lastSeq());
        hosts.put(alert.host(), new Host(last, alert.packs(), seen, (h == null ? 0 : h.alerts()) + 1,
                h == null ? null : h.chainHead()));
        return result;
    }

    /** Packs the host ran before this alert, when they differ from the alert's (null otherwise). */
    public List<String> packsBefore(Alert alert) {
        Host h = hosts.get(alert.host());
        return h == null || h.packs().equals(alert.packs()) ? null : h.packs();
    }

    /** Every host seen, by name. */
    public Map<String, Host> hosts() {
        return java.util.Collections.unmodifiableMap(hosts);
    }

    String toJson() {
        ObjectNode o = JSON.createObjectNode();
        hosts.forEach((name, h) -> {
            ObjectNode n = o.putObject(name);
            n.put("seq", h.lastSeq());
            h.packs().forEach(n.putArray("packs")::add);
            n.put("seen", h.lastSeen().toString());
            n.put("alerts", h.alerts());
            if (h.chainHead() != null) {
                n.put("head", h.chainHead());
            }
        });
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger a collector keeps in its store's last commit (empty for an agent's store). */
    public static HostLedger of(java.nio.file.Path store) throws IOException {
        return fromJson(dev.mamori.alert.AlertStore.commitData(store).get(Collector.HOSTS));
    }

    static HostLedger fromJson(String json) throws IOException {
        HostLedger ledger = new HostLedger();
        if (json == null || json.isBlank()) {
            return ledger;
        }
        JsonNode o = JSON.readTree(json);
        o.fields().forEachRemaining(e -> {
            List<String> packs = new ArrayList<>();
            e.getValue().path("packs").forEach(p -> packs.add(p.asText()));
            ledger.hosts.put(e.getKey(), new Host(e.getValue().path("seq").asLong(), packs,
                    Instant.parse(e.getValue().path("seen").asText()), e.getValue().path("alerts").asLong(),
                    e.getValue().hasNonNull("head") ? e.getValue().path("head").asText() : null));
        });
        return ledger;
    }
}
