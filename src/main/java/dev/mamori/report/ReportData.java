package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.Triage;
import dev.mamori.impact.Impact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a report shows, computed once from the alerts of a date range: headline figures and the
 * breakdowns the charts draw. Days are cut in the report's time zone. Health alerts (about the
 * agent, not about personal data) are kept apart and never counted with personal-data alerts.
 *
 * @param from      first day (inclusive), in {@code zone}
 * @param to        last day (inclusive), in {@code zone}
 * @param zone      the time zone every time and day is shown in
 * @param alerts    personal-data alerts, newest first
 * @param health    health alerts, newest first
 * @param triage    latest triage action per alert id
 * @param rulePacks the packs the alerts record ("name version (n alerts)", see {@link #packsOf}), or, for
 *                  alerts stored before alerts recorded packs, "name version (file)" of those in force now
 * @param chain     result of the hash-chain check
 * @param reasons   per alert id that holds no personal data, why it was raised: a reason key
 *                  ({@code encrypted}, {@code error}, {@code truncated}, {@code skipped}, {@code unknown})
 * @param appi      the APPI assessment per file
 * @param fullList  where the full list of alerts was written when the page shows only part of it (a
 *                  relative link), "" when it could not be written, or null when the page shows all
 */
public record ReportData(LocalDate from, LocalDate to, ZoneId zone, List<Alert> alerts, List<Alert> health,
                         Map<String, Triage> triage, List<String> rulePacks, ChainHash.Verification chain,
                         Map<String, String> reasons, List<AppiCase> appi, String fullList,
                         dev.mamori.fleet.Departments departments) {

    /** A report without a departments file: every host unassigned. */
    public ReportData(LocalDate from, LocalDate to, ZoneId zone, List<Alert> alerts, List<Alert> health,
                      Map<String, Triage> triage, List<String> rulePacks, ChainHash.Verification chain,
                      Map<String, String> reasons, List<AppiCase> appi, String fullList) {
        this(from, to, zone, alerts, health, triage, rulePacks, chain, reasons, appi, fullList, dev.mamori.fleet.Departments.none());
    }

    /**
     * The range's hosts (their own alerts and health alerts), silent when not heard of in the
     * range's last day (or the last day before now, for a range that reaches today).
     */
    public dev.mamori.fleet.FleetSummary fleet() {
        java.time.Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        java.time.Instant now = java.time.Instant.now();
        List<Alert> all = new java.util.ArrayList<>(alerts);
        all.addAll(health);
        return dev.mamori.fleet.FleetSummary.of(all, end.isAfter(now) ? now : end, java.time.Duration.ofDays(1), departments);
    }

    /**
     * Splits health alerts off and keeps those inside the range's days in {@code zone}.
     *
     * @param found alerts of the store for at least the range, newest first
     */
    public static List<List<Alert>> split(List<Alert> found, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Alert> inRange = found.stream().filter(a -> !a.time().isBefore(start) && a.time().isBefore(end)).toList();
        return List.of(inRange.stream().filter(a -> !a.isHealth()).toList(), inRange.stream().filter(Alert::isHealth).toList());
    }

    public long count(dev.mamori.verdict.Severity severity) {
        return alerts.stream().filter(a -> a.severity().equals(severity)).count();
    }

    public long reportable() {
        return appi.stream().filter(c -> c.judgement() == Impact.Judgement.REQUIRED).count();
    }

    public long cannotJudge() {
        return appi.stream().filter(c -> c.judgement() == Impact.Judgement.CANNOT_JUDGE).count();
    }

    public long quarantined() {
        return alerts.stream().filter(a -> a.action() == dev.mamori.alert.AlertAction.QUARANTINE).count();
    }

    /** Alerts per day in the report's zone, every day of the range present (zero where none). */
    public Map<LocalDate, Long> perDay() {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        alerts.forEach(a -> days.computeIfPresent(a.time().atZone(zone).toLocalDate(), (d, n) -> n + 1));
        return days;
    }

    public Map<String, Long> by(Function<Alert, String> key) {
        return sorted(alerts.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
    }

    /** Alerts per type they hold. */
    public Map<String, Long> byType() {
        Map<String, Long> out = new TreeMap<>();
        alerts.forEach(a -> a.counts().keySet().forEach(t -> out.merge(t, 1L, Long::sum)));
        return sorted(out);
    }

    public Map<String, Long> byRule() {
        Map<String, Long> out = new TreeMap<>();
        alerts.forEach(a -> a.rules().stream().distinct().forEach(r -> out.merge(r, 1L, Long::sum)));
        return sorted(out);
    }

    /** The alerts a page lists when it cannot list all: the most severe, then the newest. */
    public List<Alert> mostSevere(int limit) {
        return alerts.stream().sorted(Comparator.comparing((Alert a) -> a.severity(), Comparator.reverseOrder())
                        .thenComparing(Alert::time, Comparator.reverseOrder()).thenComparing(Alert::id))
                .limit(limit).toList();
    }

    /**
     * "jp-pii 3 (12)": each pack and version the alerts were judged with, with how many alerts it
     * judged, sorted by name and version. Empty when no alert records its packs (stores written before
     * alerts did).
     */
    public static List<String> packsOf(List<Alert> alerts) {
        Map<String, Long> counts = new TreeMap<>();
        alerts.forEach(a -> a.packs().forEach(p -> counts.merge(p, 1L, Long::sum)));
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }

    /** "氏名 60, 電話番号 5": types by count, then name; never map text. */
    public static String typeList(Map<String, Integer> counts, Messages m) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> m.label("type", e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Long> sorted(Map<String, Long> m) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
