package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.fleet.FleetSummary;
import dev.mamori.verdict.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * A report's figures, added up alert by alert as the store is read a page at a time, so that a
 * month of a million alerts is reported in the memory of the page, not of the month: counts per
 * severity, day, exit point, user, type, rule and pack; the alerts the page lists (all of them up
 * to {@link #listed}, beyond that the most severe); the alerts the APPI section reads again; the
 * health alerts; and each host's part for the fleet section. Alerts outside the range's days in
 * its zone are passed over. Not thread-safe.
 */
public final class ReportTally {

    /** Most severe first, then newest, then id: the order of the page's list when it cannot list every alert. */
    static final Comparator<Alert> MOST_SEVERE = Comparator.comparing(Alert::severity, Comparator.reverseOrder())
            .thenComparing(Alert::time, Comparator.reverseOrder()).thenComparing(Alert::id);
    /** Health alerts kept for the page and the JSON; more are counted only. */
    static final int MAX_HEALTH = 10_000;

    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;
    private final Instant start;
    private final Instant end;
    private final int listed;

    private long total;
    private long healthTotal;
    private long quarantined;
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<LocalDate, Long> perDay = new TreeMap<>();
    private final Map<String, Long> byExit = new TreeMap<>();
    private final Map<String, Long> byUser = new TreeMap<>();
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<String, Long> packs = new TreeMap<>();
    private final List<Alert> first = new ArrayList<>();
    /** The most severe kept so far; its head is the least severe of them, the next to go. */
    private final PriorityQueue<Alert> worst = new PriorityQueue<>(MOST_SEVERE.reversed());
    private final List<Alert> appiCandidates = new ArrayList<>();
    private final List<Alert> health = new ArrayList<>();
    private final FleetSummary.Builder fleet = new FleetSummary.Builder();

    /** @param listed how many alerts the page lists at most */
    public ReportTally(LocalDate from, LocalDate to, ZoneId zone, int listed) {
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.start = from.atStartOfDay(zone).toInstant();
        this.end = to.plusDays(1).atStartOfDay(zone).toInstant();
        this.listed = listed;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
    }

    /** The tally of alerts already in memory (newest first), as the page lists them. */
    public static ReportTally of(List<Alert> alerts, LocalDate from, LocalDate to, ZoneId zone, int listed) {
        ReportTally t = new ReportTally(from, to, zone, listed);
        alerts.forEach(t::add);
        return t;
    }

    /** True when the alert lies in the range's days. */
    public boolean inRange(Alert a) {
        return !a.time().isBefore(start) && a.time().isBefore(end);
    }

    /** Adds one alert of the store (newest first); one outside the range is passed over. */
    public void add(Alert a) {
        if (!inRange(a)) {
            return;
        }
        fleet.add(a);
        if (a.isHealth()) {
            healthTotal++;
            if (health.size() < MAX_HEALTH) {
                health.add(a);
            }
            return;
        }
        total++;
        bySeverity.merge(a.severity(), 1L, Long::sum);
        if (a.action() == AlertAction.QUARANTINE) {
            quarantined++;
        }
        perDay.computeIfPresent(a.time().atZone(zone).toLocalDate(), (d, n) -> n + 1);
        byExit.merge(a.exitPoint().label(), 1L, Long::sum);
        byUser.merge(a.host() + " / " + a.user(), 1L, Long::sum);
        a.counts().keySet().forEach(t -> byType.merge(t, 1L, Long::sum));
        a.rules().stream().distinct().forEach(r -> byRule.merge(r, 1L, Long::sum));
        a.packs().forEach(p -> packs.merge(p, 1L, Long::sum));
        if (first.size() <= listed) {
            first.add(a);
        }
        worst.add(a);
        if (worst.size() > listed) {
            worst.poll();
        }
        if (AppiAssessor.candidate(a)) {
            appiCandidates.add(a);
        }
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Personal-data alerts in the range. */
    public long total() {
        return total;
    }

    public long count(Severity severity) {
        return bySeverity.getOrDefault(severity, 0L);
    }

    public long quarantined() {
        return quarantined;
    }

    /** Health alerts in the range (more than {@link #health()} holds when there are over {@value #MAX_HEALTH}). */
    public long healthTotal() {
        return healthTotal;
    }

    /** Health alerts, newest first, at most {@value #MAX_HEALTH}. */
    public List<Alert> health() {
        return List.copyOf(health);
    }

    /** What the page lists: every alert, newest first, when they fit; else the most severe, then newest. */
    public List<Alert> listed() {
        if (total <= listed) {
            return List.copyOf(first);
        }
        List<Alert> out = new ArrayList<>(worst);
        out.sort(MOST_SEVERE);
        return out;
    }

    /** Alerts per day in the zone, every day of the range present (zero where none). */
    public Map<LocalDate, Long> perDay() {
        return java.util.Collections.unmodifiableMap(perDay);
    }

    public Map<String, Long> bySeverity() {
        Map<String, Long> out = new TreeMap<>();
        bySeverity.forEach((s, n) -> out.put(s.label(), n));
        return byCount(out);
    }

    public Map<String, Long> byExit() {
        return byCount(byExit);
    }

    public Map<String, Long> byUser() {
        return byCount(byUser);
    }

    public Map<String, Long> byType() {
        return byCount(byType);
    }

    public Map<String, Long> byRule() {
        return byCount(byRule);
    }

    /** "jp-pii 3 (12)": each pack and version the alerts were judged with, with how many, sorted by name. */
    public List<String> packs() {
        return packs.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }

    /** The alerts the APPI section reads again (flagged, over 1,000 records, or card numbers), newest first. */
    public List<Alert> appiCandidates() {
        return List.copyOf(appiCandidates);
    }

    /** The range's hosts, for the fleet section. */
    public FleetSummary.Builder fleet() {
        return fleet;
    }

    /** By count, then name. */
    private static Map<String, Long> byCount(Map<String, Long> m) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
