package dev.mamori.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.Confidence;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.testing.BundledRules;
import dev.mamori.verdict.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the bundled rules on the labelled evaluation set (158 realistic files,
 * src/test/resources/eval). Fails below the targets: 0.95 for number-like types, 0.85 for names,
 * addresses and birth dates.
 */
class EvaluationSetTest {

    private static final Path SET = Path.of("src/test/resources/eval");
    private static final Map<String, Double> TARGETS = Map.of(
            "PHONE_NUMBER", 0.95, "JAPAN_INDIVIDUAL_NUMBER", 0.95, "JAPAN_CORPORATE_NUMBER", 0.95,
            "CREDIT_CARD_NUMBER", 0.95, "EMAIL_ADDRESS", 0.95,
            "PERSON_NAME", 0.85, "STREET_ADDRESS", 0.85, "DATE_OF_BIRTH", 0.85);

    /**
     * Text every laptop has (changelogs, licences, code, dumps, measurements, prose that talks
     * about 社外秘 or birth dates) is never more than LOW: a list of offsets is not a card number.
     */
    @Test
    void realWorldNegativesStayAtLowOrBelow() throws Exception {
        TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());
        DocumentAnalyzer analyzer = new DocumentAnalyzer(BundledRules.get());
        List<String> tooHigh = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SET.resolve("negatives"))) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : files) {
            for (ExtractedDocument doc : extractor.extract(file, file.getFileName().toString())) {
                var verdict = analyzer.analyze(doc).verdict();
                if (verdict.severity().compareTo(Severity.LOW) > 0) {
                    tooHigh.add(file.getFileName() + ": " + verdict.severity() + " " + verdict.policyRules());
                }
            }
        }
        assertThat(tooHigh).as("negatives judged above LOW").isEmpty();
    }

    @Test
    void meetsPrecisionAndRecallTargets() throws Exception {
        Labels labels = Labels.read(SET.resolve("labels.json"));
        assertThat(labels.files()).hasSizeGreaterThanOrEqualTo(100);
        Evaluation eval = Evaluation.run(SET, labels, new TikaExtractor(ExtractionLimits.defaults()),
                BundledRules.get().engine(), Confidence.LOW);
        System.out.println("Evaluation set: " + labels.files().size() + " files\n" + eval.table());
        eval.scores().forEach((type, s) -> {
            if (s.precision() < 1 || s.recall() < 1) {
                System.out.println(type + " false positives: " + s.falsePositives().stream().limit(15).toList());
                System.out.println(type + " false negatives: " + s.falseNegatives().stream().limit(15).toList());
            }
        });
        TARGETS.forEach((type, target) -> {
            Evaluation.TypeScore s = eval.scores().get(type);
            assertThat(s).as("labels of %s in the set", type).isNotNull();
            assertThat(s.precision()).as("%s precision", type).isGreaterThanOrEqualTo(target);
            assertThat(s.recall()).as("%s recall", type).isGreaterThanOrEqualTo(target);
        });
    }
}
