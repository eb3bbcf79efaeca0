package dev.mamori.eval;

import dev.mamori.detect.Canonical;
import dev.mamori.detect.Confidence;
import dev.mamori.detect.DetectionEngine;
import dev.mamori.detect.Finding;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.Extractor;
import dev.mamori.mask.MaskStyle;
import dev.mamori.mask.Masker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs extraction and detection over a labelled folder and compares, per file and type, the
 * distinct values found with the labelled ones. Number-like values must match exactly (in
 * canonical form); names and addresses match when one contains the other and the shorter is at
 * least half the longer (a prediction may leave out a building name, or include a ward).
 */
public final class Evaluation {

    /** Types whose values are matched loosely. */
    private static final Set<String> FUZZY = Set.of("PERSON_NAME", "STREET_ADDRESS");

    /** Per type: labelled and predicted values, those matched, and the misses both ways (masked). */
    public static final class TypeScore {
        int labels;
        int labelsFound;
        int predictions;
        int predictionsRight;
        final List<String> falsePositives = new ArrayList<>();
        final List<String> falseNegatives = new ArrayList<>();
        /** "file\0value" of each missed label and wrong prediction: raw, for diffs only, never printed. */
        final Set<String> missed = new java.util.LinkedHashSet<>();
        final Set<String> wrong = new java.util.LinkedHashSet<>();

        public double precision() {
            return predictions == 0 ? 1.0 : predictionsRight / (double) predictions;
        }

        public double recall() {
            return labels == 0 ? 1.0 : labelsFound / (double) labels;
        }

        /** Harmonic mean of precision and recall (0 when both are 0). */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        public int labels() {
            return labels;
        }

        public int predictions() {
            return predictions;
        }

        /** "file: masked value" of each false positive. */
        public List<String> falsePositives() {
            return falsePositives;
        }

        public List<String> falseNegatives() {
            return falseNegatives;
        }
    }

    private final Map<String, TypeScore> scores = new TreeMap<>();

    private Evaluation() {
    }

    public Map<String, TypeScore> scores() {
        return scores;
    }

    /**
     * @param minConfidence findings below this are not counted as predictions
     */
    public static Evaluation run(Path folder, Labels labels, Extractor extractor, DetectionEngine engine,
                                 Confidence minConfidence) {
        Evaluation e = new Evaluation();
        for (String type : labels.types()) {
            e.scores.put(type, new TypeScore());
        }
        for (var file : labels.files().entrySet()) {
            Map<String, Set<String>> predicted = new HashMap<>();
            List<ExtractedDocument> docs = extractor.extract(folder.resolve(file.getKey()), file.getKey());
            try {
                for (ExtractedDocument doc : docs) {
                    for (Finding f : engine.detect(doc.text()).findings()) {
                        if (f.confidence().atLeast(minConfidence) && e.scores.containsKey(f.type())) {
                            predicted.computeIfAbsent(f.type(), k -> new HashSet<>()).add(f.value());
                        }
                    }
                }
            } finally {
                ExtractedDocument.closeAll(docs);
            }
            for (var type : e.scores.entrySet()) {
                Set<String> expected = new HashSet<>();
                for (String v : file.getValue().getOrDefault(type.getKey(), List.of())) {
                    expected.add(canonical(type.getKey(), v));
                }
                e.compare(file.getKey(), type.getKey(), expected, predicted.getOrDefault(type.getKey(), Set.of()),
                        type.getValue());
            }
        }
        return e;
    }

    static String canonical(String type, String labelled) {
        return type.equals("DATE_OF_BIRTH") ? labelled.trim() : Canonical.of(labelled);
    }

    private void compare(String file, String type, Set<String> expected, Set<String> predicted, TypeScore score) {
        score.labels += expected.size();
        score.predictions += predicted.size();
        for (String l : expected) {
            if (predicted.stream().anyMatch(p -> matches(type, l, p))) {
                score.labelsFound++;
            } else {
                score.falseNegatives.add(file + ": " + Masker.mask(styleOf(type), l));
                score.missed.add(file + "\u0000" + l);
            }
        }
        for (String p : predicted) {
            if (expected.stream().anyMatch(l -> matches(type, l, p))) {
                score.predictionsRight++;
            } else {
                score.falsePositives.add(file + ": " + Masker.mask(styleOf(type), p));
                score.wrong.add(file + "\u0000" + p);
            }
        }
    }

    /** How a value of this type is shown in evaluation output. */
    static MaskStyle styleOf(String type) {
        return switch (type) {
            case "PHONE_NUMBER" -> MaskStyle.PHONE;
            case "EMAIL_ADDRESS" -> MaskStyle.EMAIL;
            case "PERSON_NAME" -> MaskStyle.NAME;
            case "STREET_ADDRESS" -> MaskStyle.ADDRESS;
            case "DATE_OF_BIRTH" -> MaskStyle.DATE;
            case "CONFIDENTIAL_MARKER", "JAPAN_CORPORATE_NUMBER" -> MaskStyle.NONE;
            default -> MaskStyle.LAST4;
        };
    }

    /**
     * What this evaluation gains and loses against a baseline evaluation of the same labels:
     * per type, labels now found that the baseline missed, labels now missed that it found, and
     * the same for wrong predictions. Values are masked.
     */
    public String diff(Evaluation baseline) {
        StringBuilder b = new StringBuilder();
        scores.forEach((type, now) -> {
            TypeScore before = baseline.scores.get(type);
            if (before == null) {
                return;
            }
            b.append(String.format(Locale.ROOT, "%-26s precision %.3f -> %.3f   recall %.3f -> %.3f%n", type,
                    before.precision(), now.precision(), before.recall(), now.recall()));
            list(b, "  now found ", before.missed, now.missed, type);
            list(b, "  now missed", now.missed, before.missed, type);
            list(b, "  no longer wrong", before.wrong, now.wrong, type);
            list(b, "  newly wrong", now.wrong, before.wrong, type);
        });
        return b.toString();
    }

    private static void list(StringBuilder b, String label, Set<String> in, Set<String> notIn, String type) {
        for (String key : in) {
            if (!notIn.contains(key)) {
                String[] parts = key.split("\u0000", 2);
                b.append(label).append(": ").append(parts[0]).append(": ").append(Masker.mask(styleOf(type), parts[1])).append('\n');
            }
        }
    }

    static boolean matches(String type, String label, String prediction) {
        if (label.equals(prediction)) {
            return true;
        }
        if (!FUZZY.contains(type)) {
            return false;
        }
        String longer = label.length() >= prediction.length() ? label : prediction;
        String shorter = longer == label ? prediction : label;
        return longer.contains(shorter) && shorter.length() * 2 >= longer.length();
    }

    /** The table: type, labels, predictions, precision, recall. */
    /** The unweighted mean of the types' F1 scores: every type counts the same, however many labels it has. */
    public double macroF1() {
        return scores.values().stream().mapToDouble(TypeScore::f1).average().orElse(1.0);
    }

    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-26s %7s %7s %9s %7s %7s%n", "type", "labels",
                "found", "precision", "recall", "f1"));
        scores.forEach((type, s) -> b.append(String.format(Locale.ROOT, "%-26s %7d %7d %9.3f %7.3f %7.3f%n", type, s.labels,
                s.predictions, s.precision(), s.recall(), s.f1())));
        b.append(String.format(Locale.ROOT, "macro F1 over %d types: %.3f%n", scores.size(), macroF1()));
        return b.toString();
    }
}
