package dev.mamori.impact;

import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.extract.ExtractedDocument;
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
        int documents = 0;
        long recordCount = 0;
        int cards = 0;
        int myNumbers = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                notCounted.add(file + " (not there or not a regular file)");
                continue;
            }
            read++;
            for (ExtractedDocument doc : extractor.extract(file, file.toString())) {
                DocumentAnalyzer.Analysis analysis;
                try {
                    analysis = analyzer.analyzeWithFindings(doc);
                } catch (RuntimeException | StackOverflowError e) {
                    notCounted.add(doc.path() + " (detection failed: " + e.getClass().getSimpleName() + ")");
                    continue;
                }
                DocumentResult r = analysis.result();
                if (r.status() != ExtractionStatus.OK) {
                    notCounted.add(doc.path() + " (" + r.status().label() + (r.reason() == null ? "" : ": " + r.reason()) + ")");
                }
                if (r.status() == ExtractionStatus.OK) {
                    documents++;
                }
                List<Finding> findings = analysis.findings();
                recordCount += r.verdict().records();
                if (!findings.isEmpty()) {
                    records.personRecords(ScanText.of(doc.text()), findings).forEach(persons::add);
                }
                cards += (int) findings.stream().filter(x -> Impact.FINANCIAL_TYPES.contains(x.type())).count();
                myNumbers += (int) findings.stream().filter(x -> x.type().equals("JAPAN_INDIVIDUAL_NUMBER")).count();
            }
        }
        return new Impact(read, documents, recordCount, persons.persons(), cards, myNumbers, notCounted);
    }
}
