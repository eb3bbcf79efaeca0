package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.Triage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a report shows, computed once from the alerts of a date range: headline figures and the
 * breakdowns the charts draw.
 *
 * @param from        first day (inclusive)
 * @param to          last day (inclusive)
 * @param alerts      newest first
 * @param triage      latest triage action per alert id
 * @param rulePacks   "name version (file)" of the rule packs in force
 * @param chain       result of the hash-chain check ("OK: ..." or "BROKEN ...")
 */
public record ReportData(LocalDate from, LocalDate to, List<Alert> alerts, Map<String, Triage> triage,
                         List<String> rulePacks, String chain) {

    public long count(String severity) {
        return alerts.stream().filter(a -> a.severity().equals(severity)).count();
    }

    public List<Alert> reportable() {
        return alerts.stream().filter(Alert::appiReportable).toList();
    }

    public long quarantined() {
        return alerts.stream().filter(a -> a.action().equals("quarantine")).count();
    }

    /** Alerts per day, every day of the range present (zero where none). */
    public Map<LocalDate, Long> perDay() {
        Map<LocalDate, Long> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        alerts.forEach(a -> days.computeIfPresent(a.time().atZone(ZoneOffset.UTC).toLocalDate(), (d, n) -> n + 1));
        return days;
    }

    public Map<String, Long> by(Function<Alert, String> key) {
        return sorted(alerts.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
    }

    /** Findings per type, summed over the alerts (an alert counts each type it holds once per finding). */
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

    private static Map<String, Long> sorted(Map<String, Long> m) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
