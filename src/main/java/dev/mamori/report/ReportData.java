package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.Triage;
import dev.mamori.fleet.Departments;
import dev.mamori.fleet.FleetSummary;
import dev.mamori.impact.Impact;
import dev.mamori.verdict.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a report shows, from the alerts of a date range added up as they were read
 * ({@link ReportTally}): headline figures, the breakdowns the charts draw, the alerts the page lists.
 * Days are cut in the report's time zone. Health alerts (about the agent, not about personal data)
 * are kept apart and never counted with personal-data alerts.
 *
 * @param alerts      the range's alerts, added up
 * @param triage      latest triage action per alert id
 * @param rulePacks   the packs the alerts record ("name version (n alerts)"), or, for alerts stored
 *                    before alerts recorded packs, "name version (file)" of those in force now
 * @param chain       result of the hash-chain check
 * @param reasons     per document path that was not fully read, its status ({@code encrypted},
 *                    {@code error}, {@code truncated}, {@code skipped}): why an alert that holds no
 *                    personal data was raised ({@code unknown} when not recorded)
 * @param appi        the APPI assessment per file
 * @param fullList    where the full list of alerts was written when the page shows only part of it (a
 *                    relative link), "" when it could not be written, or null when the page shows all
 * @param departments which department each host belongs to
 */
public record ReportData(ReportTally alerts, Map<String, Triage> triage, List<String> rulePacks,
                         ChainHash.Verification chain, Map<String, String> reasons, List<AppiCase> appi, String fullList,
                         Departments departments) {

    public ReportData(ReportTally alerts, Map<String, Triage> triage, List<String> rulePacks, ChainHash.Verification chain,
                      Map<String, String> reasons, List<AppiCase> appi, String fullList) {
        this(alerts, triage, rulePacks, chain, reasons, appi, fullList, Departments.none());
    }

    public LocalDate from() {
        return alerts.from();
    }

    public LocalDate to() {
        return alerts.to();
    }

    public ZoneId zone() {
        return alerts.zone();
    }

    /** Personal-data alerts in the range. */
    public long total() {
        return alerts.total();
    }

    /** Health alerts, newest first. */
    public List<Alert> health() {
        return alerts.health();
    }

    /** Why an alert that holds no personal data was raised: a reason key. */
    public String reason(Alert a) {
        return reasons.getOrDefault(a.path(), "unknown");
    }

    /**
     * The range's hosts (their own alerts and health alerts), silent when not heard of in the
     * range's last day (or the last day before now, for a range that reaches today).
     */
    public FleetSummary fleet() {
        Instant end = to().plusDays(1).atStartOfDay(zone()).toInstant();
        Instant now = Instant.now();
        return alerts.fleet().build(end.isAfter(now) ? now : end, Duration.ofDays(1), departments);
    }

    public long count(Severity severity) {
        return alerts.count(severity);
    }

    public long reportable() {
        return appi.stream().filter(c -> c.judgement() == Impact.Judgement.REQUIRED).count();
    }

    public long cannotJudge() {
        return appi.stream().filter(c -> c.judgement() == Impact.Judgement.CANNOT_JUDGE).count();
    }

    public long quarantined() {
        return alerts.quarantined();
    }

    /** Alerts per day in the report's zone, every day of the range present (zero where none). */
    public Map<LocalDate, Long> perDay() {
        return alerts.perDay();
    }

    /** The alerts the page lists: all, newest first, when they fit; else the most severe, then newest. */
    public List<Alert> listed() {
        return alerts.listed();
    }

    /** "氏名 60, 電話番号 5": types by count, then name; never map text. */
    public static String typeList(Map<String, Integer> counts, Messages m) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> m.label("type", e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** "jp-pii 3 (12)": each pack and version {@code alerts} were judged with, with how many, sorted by name and version. */
    public static List<String> packsOf(List<Alert> alerts) {
        Map<String, Long> counts = new TreeMap<>();
        alerts.forEach(a -> a.packs().forEach(p -> counts.merge(p, 1L, Long::sum)));
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
    }
}
