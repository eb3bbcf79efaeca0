package dev.mamori.alert;

import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert. Holds masked samples only.
 *
 * @param seq            position in the alert store (assigned when stored; 0 before)
 * @param id             unique id
 * @param time           when the file was judged
 * @param host           machine name
 * @param user           the user the agent runs for
 * @param path           file (or {@code file!/member}) path
 * @param exitPoint      where the file was seen ({@link ExitPointKind#AGENT} for health alerts)
 * @param sha256         content hash of the file
 * @param size           file size in bytes
 * @param severity       low, medium or high
 * @param counts         findings per type
 * @param records        personal records
 * @param samples        masked samples
 * @param rules          ids of the rules that found something
 * @param appiReportable meets APPI's report criteria (more than 1,000 persons, card numbers)
 * @param action         alert, quarantine, or health
 * @param quarantineId   the quarantine record, when quarantined
 * @param agentVersion   the agent that raised it
 * @param packs          "name version" of each rule pack the verdict was reached with, so an auditor
 *                       can tell which rules produced an alert after the packs have changed
 * @param members        for one alert about several documents of a file (archive members), their
 *                       paths, at most {@link #MAX_MEMBERS}; empty for an alert about one document
 * @param memberCount    how many documents the alert is about when it lists members (may exceed the list)
 * @param fileMtime      when the file was last modified, or null (health alerts, alerts stored before)
 * @param hostInfo       the machine's id and operating system, or null (alerts stored before)
 */
public record Alert(long seq, String id, Instant time, String host, String user, String path, ExitPointKind exitPoint,
                    String sha256, long size, Severity severity, Map<String, Integer> counts, int records,
                    List<String> samples, List<String> rules, boolean appiReportable, AlertAction action,
                    String quarantineId, String agentVersion, List<String> packs, List<String> members,
                    int memberCount, Instant fileMtime, HostInfo hostInfo) {

    /** Members listed in one alert; the rest are counted only. */
    public static final int MAX_MEMBERS = 20;

    public Alert {
        counts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(counts));
        samples = List.copyOf(samples);
        rules = List.copyOf(rules);
        packs = List.copyOf(packs);
        members = List.copyOf(members.subList(0, Math.min(members.size(), MAX_MEMBERS)));
        memberCount = Math.max(memberCount, members.size());
    }

    /** An alert that does not say yet when its file was modified or which machine raised it ({@link #withContext}). */
    public Alert(long seq, String id, Instant time, String host, String user, String path, ExitPointKind exitPoint,
                 String sha256, long size, Severity severity, Map<String, Integer> counts, int records,
                 List<String> samples, List<String> rules, boolean appiReportable, AlertAction action,
                 String quarantineId, String agentVersion, List<String> packs, List<String> members, int memberCount) {
        this(seq, id, time, host, user, path, exitPoint, sha256, size, severity, counts, records, samples, rules,
                appiReportable, action, quarantineId, agentVersion, packs, members, memberCount, null, null);
    }

    /** An alert about one document (a file, or one member of an archive). */
    public Alert(long seq, String id, Instant time, String host, String user, String path, ExitPointKind exitPoint,
                 String sha256, long size, Severity severity, Map<String, Integer> counts, int records,
                 List<String> samples, List<String> rules, boolean appiReportable, AlertAction action,
                 String quarantineId, String agentVersion, List<String> packs) {
        this(seq, id, time, host, user, path, exitPoint, sha256, size, severity, counts, records, samples, rules,
                appiReportable, action, quarantineId, agentVersion, packs, List.of(), 0);
    }

    /** An alert about one document with no record of its packs (alerts stored before they had one, tests). */
    public Alert(long seq, String id, Instant time, String host, String user, String path, ExitPointKind exitPoint,
                 String sha256, long size, Severity severity, Map<String, Integer> counts, int records,
                 List<String> samples, List<String> rules, boolean appiReportable, AlertAction action,
                 String quarantineId, String agentVersion) {
        this(seq, id, time, host, user, path, exitPoint, sha256, size, severity, counts, records, samples, rules,
                appiReportable, action, quarantineId, agentVersion, List.of());
    }

    /** Separates an archive from a member inside it in a document's path ({@code x.zip!/名簿.csv}). */
    public static final String MEMBER_SEPARATOR = "!/";

    /** The file on disk the alert is about: the archive when the path names a member inside one. */
    public String containerPath() {
        int at = path.indexOf(MEMBER_SEPARATOR);
        return at < 0 ? path : path.substring(0, at);
    }

    /** The member's path inside the archive, or null when the alert is about a whole file. */
    public String memberPath() {
        int at = path.indexOf(MEMBER_SEPARATOR);
        return at < 0 ? null : path.substring(at + MEMBER_SEPARATOR.length());
    }

    /** An alert about the agent itself (a refused pack, a sink in trouble), not about personal data. */
    public boolean isHealth() {
        return action == AlertAction.HEALTH || exitPoint == ExitPointKind.AGENT;
    }

    public Alert withPath(String newPath) {
        return new Alert(seq, id, time, host, user, newPath, exitPoint, sha256, size, severity, counts, records, samples,
                rules, appiReportable, action, quarantineId, agentVersion, packs, members, memberCount, fileMtime, hostInfo);
    }

    public Alert withSeq(long newSeq) {
        return new Alert(newSeq, id, time, host, user, path, exitPoint, sha256, size, severity, counts, records, samples,
                rules, appiReportable, action, quarantineId, agentVersion, packs, members, memberCount, fileMtime, hostInfo);
    }

    /** The same alert with its file's modification time and the machine that raised it. */
    public Alert withContext(Instant mtime, HostInfo machine) {
        return new Alert(seq, id, time, host, user, path, exitPoint, sha256, size, severity, counts, records, samples,
                rules, appiReportable, action, quarantineId, agentVersion, packs, members, memberCount, mtime, machine);
    }
}
