package dev.mamori.agent;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.HealthProblem;
import dev.mamori.alert.HostInfo;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.scan.DocumentResult;
import dev.mamori.verdict.FindingSummary;
import dev.mamori.verdict.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds the agent's alerts from what they describe: a document's result in its context, or a
 * problem of the agent itself. The one place that knows {@link Alert}'s positional parameters.
 */
final class AlertFactory {

    private final Agent.Environment env;

    AlertFactory(Agent.Environment env) {
        this.env = env;
    }

    /**
     * The id of a personal-data alert, derived from what the alert is about (host, document path,
     * content hash, severity, rule-pack versions): judging the same content again after a crash
     * gives the same {@code event.id}, so a SIEM recognises the replay as one event.
     */
    static String alertId(String host, String path, String sha256, Severity severity, List<String> packs, boolean quarantine) {
        String key = String.join("\u0000", "mamori-alert", host, path, sha256, severity.label(), String.join(", ", packs))
                + (quarantine ? "\u0000quarantine" : ""); // a quarantine after an alert (the policy turned on) is an event of its own
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A personal-data alert for one document of a file seen at an exit point; {@code owner} is the
     * file's owner as the operating system names it ({@link dev.mamori.platform.FileOwner}).
     */
    Alert personalData(DocumentResult r, ExitPointKind exitPoint, String sha256, long size, List<String> packs,
                       String quarantineId, String owner, Instant mtime) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        for (FindingSummary f : r.verdict().findings()) {
            counts.merge(f.type(), f.count(), Integer::sum);
            ruleIds.add(f.rule());
            f.samples().stream().limit(2).forEach(samples::add);
        }
        Severity severity = r.verdict().severity();
        return new Alert(0, alertId(env.host(), r.path(), sha256, severity, packs, quarantineId != null), env.clock().instant(),
                env.host(), owner, r.path(), exitPoint, sha256, size, severity, counts, r.verdict().records(),
                samples, ruleIds, r.verdict().flags().contains("appi-reportable"),
                quarantineId != null ? AlertAction.QUARANTINE : AlertAction.ALERT, quarantineId, env.version(), packs)
                .withContext(mtime, HostInfo.thisMachine());
    }

    /** Masked samples in an alert about several documents, all together. */
    static final int MAX_SAMPLES = 10;

    /**
     * One alert for the documents of one file that share a severity: for a single document the
     * alert is about that document; for several (archive members) it is about the file and lists
     * them (the first {@link Alert#MAX_MEMBERS}, with their count), adding up their findings. A
     * 300-member archive is one alert, not 300.
     */
    Alert personalData(String fileKey, List<DocumentResult> docs, ExitPointKind exitPoint, String sha256, long size,
                       List<String> packs, String quarantineId, String owner, Instant mtime) {
        if (docs.size() == 1) {
            return personalData(docs.get(0), exitPoint, sha256, size, packs, quarantineId, owner, mtime);
        }
        Map<String, Integer> counts = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        java.util.Set<String> ruleIds = new java.util.LinkedHashSet<>();
        List<String> members = new ArrayList<>();
        int records = 0;
        boolean appi = false;
        for (DocumentResult r : docs) {
            members.add(r.path());
            records += r.verdict().records();
            appi |= r.verdict().flags().contains("appi-reportable");
            for (FindingSummary f : r.verdict().findings()) {
                counts.merge(f.type(), f.count(), Integer::sum);
                ruleIds.add(f.rule());
                f.samples().stream().limit(2).filter(x -> samples.size() < MAX_SAMPLES).forEach(samples::add);
            }
        }
        Severity severity = docs.get(0).verdict().severity();
        return new Alert(0, alertId(env.host(), fileKey, sha256, severity, packs, quarantineId != null), env.clock().instant(), env.host(),
                owner, fileKey, exitPoint, sha256, size, severity, counts, records, samples, new ArrayList<>(ruleIds),
                appi, quarantineId != null ? AlertAction.QUARANTINE : AlertAction.ALERT, quarantineId, env.version(), packs, members, docs.size())
                .withContext(mtime, HostInfo.thisMachine());
    }

    /** An alert about the agent itself; {@code subject} is what it concerns (a file, a rule pack, a sink). */
    Alert health(HealthProblem kind, String subject, String problem, String sha256, List<String> packs) {
        return new Alert(0, UUID.randomUUID().toString(), env.clock().instant(), env.host(), env.user(), subject,
                ExitPointKind.AGENT, sha256, 0, Severity.MEDIUM, Map.of(), 0, List.of(problem),
                List.of(HealthProblem.RULE, kind.ruleId()), false, AlertAction.HEALTH, null, env.version(), packs).withContext(null, HostInfo.thisMachine());
    }
}
