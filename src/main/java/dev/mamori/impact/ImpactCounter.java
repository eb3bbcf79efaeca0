package dev.mamori.impact;

import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.Extractor;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.DocumentResult;
import dev.mamori.verdict.RecordCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts what files hold the way a scan judges them (same analyzer, same extractor limits and
 * isolation), and links person records across all of them. The extractor is the caller's to
 * close. One count at a time.
 */
public final class ImpactCounter {

    private final DocumentAnalyzer analyzer;
    private final RecordCounter records;
    private final Extractor extractor;

    public ImpactCounter(RuleSet rules, Extractor extractor) {
        this.analyzer = new DocumentAnalyzer(rules);
        this.records = new RecordCounter(rules.records());
        this.extractor = extractor;
    }

    /**
     * @param files   the files to read, in the order given
     * @param missing files that should have been counted but are gone, each "path (why)"
     */
    public Impact count(Collection<Path> files, Collection<String> missing) {
        PersonLinks persons = new PersonLinks();
        List<String> notCounted = new ArrayList<>(missing);
        int read = 0;
        var tally = new Object() {
            int documents;
            long records;
            int cards;
            int myNumbers;
            int specialCare;
        };
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                notCounted.add(file + " (not there or not a regular file)");
                continue;
            }
            read++;
            analyzer.explainAll(extractor.extract(file, file.toString()), true, (doc, analysis) -> {
                DocumentResult r = analysis.result();
                if (r.status() != ExtractionStatus.OK) {
                    notCounted.add(doc.path() + " (" + r.status().label() + (r.reason() == null ? "" : ": " + r.reason()) + ")");
                } else {
                    tally.documents++;
                }
                List<Finding> findings = analysis.findings();
                tally.records += r.verdict().records();
                if (!findings.isEmpty()) {
                    records.personRecords(ScanText.of(doc.text()), findings).forEach(persons::add);
                }
                tally.cards += (int) findings.stream().filter(x -> Impact.FINANCIAL_TYPES.contains(x.type())).count();
                tally.myNumbers += (int) findings.stream().filter(x -> x.type().equals("JAPAN_INDIVIDUAL_NUMBER")).count();
                tally.specialCare += (int) findings.stream().filter(x -> x.type().equals(Impact.SPECIAL_CARE_TYPE)).count();
            });
        }
        return new Impact(read, tally.documents, tally.records, persons.persons(), tally.cards, tally.myNumbers, tally.specialCare,
                notCounted);
    }
}
