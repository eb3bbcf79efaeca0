package dev.mamori.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.alert.HealthProblem;
import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's counters, written to {@code status.json} in the data directory (owner-only) for
 * {@code mamori status}: the local channel between a running agent and its operator. One status
 * lives as long as the process: an agent rebuilt for a new config takes over its predecessor's, so
 * counters survive reloads. Problems that can be fixed (a refused config, a place that cannot be
 * walked) are listed while they last and cleared when fixed; the last file that could not be
 * judged is history, shown with its time.
 */
public final class AgentStatus {

    static final String FILE = "status.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLong queued = new AtomicLong();
    final AtomicLong scanned = new AtomicLong();
    final AtomicLong extracted = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong reused = new AtomicLong();
    final AtomicLong vanished = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong alerts = new AtomicLong();
    final AtomicLong quarantined = new AtomicLong();
    /** Files passed over because the agent died judging them (see {@code InProgress}). */
    final AtomicLong poisoned = new AtomicLong();
    volatile String lastError;
    volatile String lastErrorAt;
    /** Current problems by kind and subject (sorted, so status.json is the same for the same state). */
    private final Map<String, Problem> problems = new ConcurrentSkipListMap<>();
    private volatile String lastWritten = "";

    /** Files checked: scanned, or found unchanged since they were last scanned. */
    public long checked() {
        return scanned.get() + unchanged.get();
    }

    /** Files whose text was extracted (not unchanged, not recognised by their hash). */
    public long extractedCount() {
        return extracted.get();
    }

    /** A problem that lasts until fixed; {@code subject} tells problems of one kind apart (a place, a file). */
    record Problem(HealthProblem kind, String subject, String message, Instant since) {
    }

    void error(String message, Instant at) {
        lastError = message;
        lastErrorAt = at.toString();
    }

    void problem(HealthProblem kind, String subject, String message, Instant at) {
        problems.putIfAbsent(kind.code() + " " + subject, new Problem(kind, subject, message, at));
        problems.computeIfPresent(kind.code() + " " + subject, (k, p) -> new Problem(kind, subject, message, p.since()));
    }

    /** The problem of that kind about that subject is fixed. */
    void resolved(HealthProblem kind, String subject) {
        problems.remove(kind.code() + " " + subject);
    }

    /** Every problem of that kind is fixed (a config accepted after one was refused). */
    void resolved(HealthProblem kind) {
        problems.keySet().removeIf(k -> k.startsWith(kind.code() + " "));
    }

    List<Problem> problems() {
        return List.copyOf(problems.values());
    }

    ObjectNode toJson(Agent agent, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", ProcessHandle.current().pid());
        o.put("updated", now.toString());
        o.put("state", agent.running() ? "running" : "stopped");
        var packs = o.putArray("rulePacks");
        agent.packs().forEach(packs::add);
        var places = o.putArray("places");
        agent.placesWatched().forEach(p -> places.addObject().put("path", p.root().toString()).put("kind", p.kind().label()));
        o.put("queue", queued.get());
        o.put("scanned", scanned.get());
        o.put("extracted", extracted.get());
        o.put("unchanged", unchanged.get());
        o.put("reusedByHash", reused.get());
        o.put("vanished", vanished.get());
        o.put("skipped", skipped.get());
        o.put("alerts", alerts.get());
        o.put("quarantined", quarantined.get());
        o.put("poisoned", poisoned.get());
        o.put("deletedBeforeScan", agent.watcherDeleted());
        o.put("rejudgePending", agent.rejudgePending());
        var sinks = o.putArray("sinks");
        agent.deliveries().forEach(d -> sinks.addObject().put("name", d.sinkName()).put("backlog", d.backlog())
                .put("dropped", d.dropped()).put("error", d.lastError()));
        var open = o.putArray("problems");
        problems.values().forEach(p -> open.addObject().put("kind", p.kind().code()).put("subject", p.subject())
                .put("message", p.message()).put("since", p.since().toString()));
        if (lastError != null) {
            o.put("lastError", lastError);
            o.put("lastErrorAt", lastErrorAt);
        }
        return o;
    }

    /** Writes the status if it changed (ignoring the time stamp). */
    void write(Path dataDir, Agent agent, Instant now) throws IOException {
        ObjectNode o = toJson(agent, now);
        ObjectNode withoutTime = o.deepCopy();
        withoutTime.remove("updated");
        String key = withoutTime.toString();
        if (key.equals(lastWritten)) {
            return;
        }
        Path file = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o), StandardCharsets.UTF_8);
        OwnerOnly.restrict(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lastWritten = key;
    }

    /** Reads the status a running agent wrote. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8);
    }
}
