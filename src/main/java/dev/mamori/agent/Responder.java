package dev.mamori.agent;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.platform.FileOwner;
import dev.mamori.platform.OperatingSystem;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.quarantine.QuarantineRecord;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.state.FileStamp;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.verdict.Severity;
import dev.mamori.watch.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's respond stage, in the order that makes delivery at-least-once: a judged file's alerts
 * are committed to the alert store first, then the file is quarantined, and only then is its state
 * written. If storing the alerts or the quarantine fails, the state is not written and the file is
 * judged again later (its alert ids are deterministic, so a replay is the same event).
 * Thread-safe: every scan thread responds through one instance.
 */
final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    /** Where a problem responding becomes a health alert. */
    interface Health {
        void report(String subject, String problem, String sha256);
    }

    /** Where the file was, and how it was judged. */
    record Judged(Agent.Task task, String key, FileStamp stamp, String sha256, String packsKey, List<String> packs,
                  List<DocumentResult> results) {
    }

    private final AgentConfig.Actions actions;
    private final Quarantine quarantine;
    private final AlertFactory alertFactory;
    private final AlertStore alertStore;
    private final StateStore state;
    private final AgentStatus status;
    private final NotificationLimit notifications;
    private final OperatingSystem os;
    private final Clock clock;
    private final AtomicLong uncommitted;
    private final Health health;

    Responder(AgentConfig.Actions actions, Quarantine quarantine, AlertFactory alertFactory, AlertStore alertStore,
              StateStore state, AgentStatus status, NotificationLimit notifications, OperatingSystem os, Clock clock,
              AtomicLong uncommitted, Health health) {
        this.actions = actions;
        this.quarantine = quarantine;
        this.alertFactory = alertFactory;
        this.alertStore = alertStore;
        this.state = state;
        this.status = status;
        this.notifications = notifications;
        this.os = os;
        this.clock = clock;
        this.uncommitted = uncommitted;
        this.health = health;
    }

    /** Whether the policy now quarantines a file judged (and left in place) earlier, unless an admin restored it. */
    boolean quarantineOwed(FileState judged, Place place) {
        return actions.quarantineMin() != null && Severity.parse(judged.severity()).compareTo(actions.quarantineMin()) >= 0
                && actions.quarantineExitPoints().contains(place.kind()) && !quarantine.released(judged.path(), judged.sha256());
    }

    void respond(Judged j) throws IOException {
        Agent.Task task = j.task();
        String key = j.key();
        Severity worst = j.results().stream().map(r -> r.verdict().severity()).max(Enum::compareTo).orElse(Severity.NONE);
        boolean quarantining = actions.quarantineMin() != null && worst.compareTo(actions.quarantineMin()) >= 0
                // lstat, not access(2): access ignores the capabilities a system service reads with
                && actions.quarantineExitPoints().contains(task.place().kind()) && Files.exists(task.file(), LinkOption.NOFOLLOW_LINKS);
        if (quarantining && quarantine.released(key, j.sha256())) {
            LOG.info("{} stays: an admin restored this content here", key); // and the alert still says it is there
            quarantining = false;
        }
        String quarantineId = quarantining ? quarantine.newId() : null;
        List<Alert> alerts = alerts(j, quarantineId);
        if (!alerts.isEmpty()) {
            alertStore.appendAll(alerts);
            status.alerts.addAndGet(alerts.size());
        }
        if (quarantining) {
            try {
                QuarantineRecord q = quarantine.quarantine(task.file(), reason(j.results(), worst), quarantineId);
                LOG.warn("quarantined {} as {}", task.file(), q.id());
            } catch (IOException | RuntimeException e) {
                health.report(key, "could not quarantine " + key + " (" + e.getClass().getSimpleName() + "); it will be tried again",
                        j.sha256());
                throw e;
            }
            state.remove(key);
            status.quarantined.incrementAndGet();
        } else {
            var json = ResultJson.JSON.createArrayNode();
            j.results().forEach(r -> json.add(ResultJson.toJson(r)));
            state.put(new FileState(key, j.stamp(), j.sha256(), clock.instant(), worst.label(), json.toString(), j.packsKey()));
            uncommitted.incrementAndGet();
        }
        if (!alerts.isEmpty() && actions.notifyDesktop()) {
            boolean quarantined = quarantining;
            notifications.offer((quarantined ? "隔離しました / Quarantined: " : "個人情報を検出 / Personal data: ")
                    + task.file().getFileName()).ifPresent(text -> DesktopNotifier.notify(os, "Mamori", text));
        }
    }

    /** One alert per file and severity at or above the alert threshold, worst first. */
    private List<Alert> alerts(Judged j, String quarantineId) {
        Map<Severity, List<DocumentResult>> bySeverity = new TreeMap<>(Comparator.reverseOrder());
        for (DocumentResult r : j.results()) {
            if (r.verdict().severity().compareTo(actions.alertMin()) >= 0 && r.verdict().severity() != Severity.NONE) {
                bySeverity.computeIfAbsent(r.verdict().severity(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Alert> alerts = new ArrayList<>();
        String owner = bySeverity.isEmpty() ? FileOwner.UNKNOWN : FileOwner.of(j.task().file()); // before any quarantine
        bySeverity.values().forEach(docs -> alerts.add(alertFactory.personalData(j.key(), docs, j.task().place().kind(),
                j.sha256(), j.stamp().size(), j.packs(), quarantineId, owner, Instant.ofEpochMilli(j.stamp().mtimeMillis()))));
        return alerts;
    }

    private static String reason(List<DocumentResult> results, Severity worst) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int records = 0;
        for (DocumentResult r : results) {
            records += r.verdict().records();
            r.verdict().findings().forEach(f -> counts.merge(f.type(), f.count(), Integer::sum));
        }
        return "severity " + worst.label() + ", records " + records + ", " + counts;
    }
}
