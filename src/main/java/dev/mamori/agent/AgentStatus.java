package dev.mamori.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's counters, written to {@code status.json} in the data directory (owner-only) for
 * {@code mamori status}: the local channel between a running agent and its operator.
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
    volatile int places;
    private volatile String lastWritten = "";

    /** Files checked: scanned, or found unchanged since they were last scanned. */
    public long checked() {
        return scanned.get() + unchanged.get();
    }

    /** Files whose text was extracted (not unchanged, not recognised by their hash). */
    public long extractedCount() {
        return extracted.get();
    }

    void error(String message, Instant at) {
        lastError = message;
        lastErrorAt = at.toString();
    }

    ObjectNode toJson(Agent agent, Instant now) {
        ObjectNode o = JSON.createObjectNode();
        o.put("pid", ProcessHandle.current().pid());
        o.put("updated", now.toString());
        o.put("state", agent.running() ? "running" : "stopped");
        o.put("places", places);
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
        var sinks = o.putArray("sinks");
        agent.deliveries().forEach(d -> sinks.addObject().put("name", d.sinkName()).put("backlog", d.backlog())
                .put("dropped", d.dropped()).put("error", d.lastError()));
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
