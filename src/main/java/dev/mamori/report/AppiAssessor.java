package dev.mamori.report;

import dev.mamori.alert.Alert;
import dev.mamori.impact.Impact;
import dev.mamori.impact.ImpactCounter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's APPI section: the alerts that may be reportable (flagged by the agent, more than
 * 1,000 rows, or card numbers) grouped by file, each file read again and judged on distinct
 * persons with {@code impact}'s logic. A 9,960-row export of 30 people is not reportable; a file
 * that is gone cannot be judged on persons, and says so.
 */
public final class AppiAssessor {

    private AppiAssessor() {
    }

    static boolean candidate(Alert a) {
        return !a.isHealth() && (a.appiReportable() || a.records() > Impact.PERSONS_THRESHOLD || Impact.financial(a.counts())
                || Impact.specialCare(a.counts()));
    }

    /**
     * @param alerts  newest first
     * @param locate  a readable copy of an alert's file with the content the alert judged, if there is one
     * @param counter counts a file; null to judge from the alerts alone
     */
    public static List<AppiCase> assess(List<Alert> alerts, Function<Alert, Optional<Path>> locate, ImpactCounter counter) {
        Map<String, List<Alert>> byFile = new LinkedHashMap<>();
        for (Alert a : alerts) {
            if (candidate(a)) {
                byFile.computeIfAbsent(a.containerPath(), k -> new ArrayList<>()).add(a);
            }
        }
        List<AppiCase> out = new ArrayList<>();
        byFile.forEach((file, group) -> {
            Alert newest = group.get(0);
            long rows = group.stream().filter(a -> a.id().equals(newest.id()) || a.time().equals(newest.time()))
                    .mapToLong(Alert::records).sum();
            boolean cards = group.stream().anyMatch(a -> Impact.financial(a.counts()));
            boolean special = group.stream().anyMatch(a -> Impact.specialCare(a.counts()));
            Optional<Path> copy = counter == null ? Optional.empty() : locate.apply(newest);
            int persons = -1;
            Impact.Judgement judgement = Impact.Judgement.CANNOT_JUDGE;
            if (copy.isPresent()) {
                Impact impact = counter.count(List.of(copy.get()), List.of());
                persons = impact.persons();
                judgement = impact.judgement();
                cards |= impact.cards() > 0;
                special |= impact.specialCare() > 0;
            }
            List<String> criteria = Impact.Criterion.met(persons, cards, special).stream().map(Impact.Criterion::key).toList();
            if (!criteria.isEmpty()) {
                judgement = Impact.Judgement.REQUIRED;
            }
            out.add(new AppiCase(file, newest.exitPoint().label(), newest.time(), rows, persons, judgement, criteria));
        });
        return out;
    }
}
