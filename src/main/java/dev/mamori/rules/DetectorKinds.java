package dev.mamori.rules;

import dev.mamori.config.YamlMap;

import dev.mamori.detect.Anchors;
import dev.mamori.detect.ColumnDetector;
import dev.mamori.detect.Confidence;
import dev.mamori.detect.Detector;
import dev.mamori.detect.KeywordDetector;
import dev.mamori.detect.ScanText;
import dev.mamori.detect.PersonNameDetector;
import dev.mamori.detect.RegexDetector;
import dev.mamori.detect.RuleSpec;
import dev.mamori.mask.MaskStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The registry of detector kinds a rule may name with {@code kind:}, each with the keys it accepts
 * (beyond {@link #COMMON_KEYS}) and how it is built from a rule's YAML.
 */
final class DetectorKinds {

    static final List<String> COMMON_KEYS = List.of("id", "type", "kind", "description", "enabled", "confidence",
            "validator", "context", "exclude-context", "mask", "prefilter", "budget-ms", "samples");

    interface Builder {
        Detector build(RuleSpec spec, YamlMap rule, PackLists lists, String what);
    }

    record Kind(String name, List<String> keys, MaskStyle defaultMask, Builder builder) {
        Detector build(RuleSpec spec, YamlMap rule, PackLists lists, String what) {
            return builder.build(spec, rule, lists, what);
        }
    }

    private static final Map<String, Kind> KINDS = new TreeMap<>();

    static {
        register(new Kind("regex", List.of("patterns", "anchors", "anchors-at-start", "window"), MaskStyle.ALL, DetectorKinds::regex));
        register(new Kind("keywords", List.of("terms"), MaskStyle.NONE, DetectorKinds::keywords));
        register(new Kind("column", List.of("headers", "exclude-headers", "value"), MaskStyle.ALL, DetectorKinds::column));
        register(new Kind("person-name", List.of("honorifics", "honorific-confidence", "surname-with-honorific",
                "surnames", "given-names", "anchors", "window", "skip-tables-with-headers"), MaskStyle.NAME,
                DetectorKinds::personName));
    }

    private DetectorKinds() {
    }

    private static void register(Kind kind) {
        KINDS.put(kind.name(), kind);
    }

    static Kind get(String name) {
        return KINDS.get(name);
    }

    static Set<String> names() {
        return KINDS.keySet();
    }

    private static Detector regex(RuleSpec spec, YamlMap rule, PackLists lists, String what) {
        List<Pattern> patterns = new ArrayList<>();
        List<Node> items = rule.items("patterns");
        if (items.isEmpty()) {
            rule.problem(rule.self(), what + ": a regex rule needs 'patterns'");
        }
        for (Node item : items) {
            Pattern p = compile(item, rule, lists, what);
            if (p != null) {
                patterns.add(p);
            }
        }
        return new RegexDetector(spec, patterns, anchors(rule, lists), rule.bool("anchors-at-start", false));
    }

    private static Detector keywords(RuleSpec spec, YamlMap rule, PackLists lists, String what) {
        List<String> terms = lists.expandItems(rule.strings("terms"), rule, "terms");
        if (terms.isEmpty()) {
            rule.problem(rule.self(), what + ": a keywords rule needs 'terms'");
        }
        return new KeywordDetector(spec, terms);
    }

    private static Detector column(RuleSpec spec, YamlMap rule, PackLists lists, String what) {
        List<String> headers = lists.expandItems(rule.strings("headers"), rule, "headers");
        if (headers.isEmpty()) {
            rule.problem(rule.self(), what + ": a column rule needs 'headers'");
        }
        Node value = rule.node("value");
        Pattern p = value == null ? null : compile(value, rule, lists, what);
        if (value == null) {
            rule.problem(rule.self(), what + ": a column rule needs 'value' (a pattern the whole cell must match)");
        }
        List<String> excluded = lists.expandItems(rule.strings("exclude-headers"), rule, "exclude-headers");
        return new ColumnDetector(spec, headers, excluded, p == null ? Pattern.compile("(?!)") : p);
    }

    private static Detector personName(RuleSpec spec, YamlMap rule, PackLists lists, String what) {
        Set<String> honorifics = new HashSet<>(lists.expandItems(rule.strings("honorifics"), rule, "honorifics"));
        String hc = rule.string("honorific-confidence", "medium");
        Confidence honorificConfidence = Confidence.parse(hc);
        if (honorificConfidence == null) {
            rule.problem("honorific-confidence", what + ": 'honorific-confidence' must be low, medium or high");
            honorificConfidence = Confidence.MEDIUM;
        }
        var dictionary = PersonNameDetector.dictionary(
                lists.expandItems(rule.strings("surnames"), rule, "surnames"),
                lists.expandItems(rule.strings("given-names"), rule, "given-names"));
        return new PersonNameDetector(spec, dictionary, honorifics, honorificConfidence,
                rule.bool("surname-with-honorific", true), anchors(rule, lists),
                lists.expandItems(rule.strings("skip-tables-with-headers"), rule, "skip-tables-with-headers"));
    }

    /** {@code anchors} (strings, lists allowed) and {@code window} (characters, default 100). */
    private static Anchors anchors(YamlMap rule, PackLists lists) {
        List<String> anchors = lists.expandItems(rule.strings("anchors"), rule, "anchors").stream()
                .map(ScanText::searchForm)
                .filter(a -> !a.isEmpty()).toList();
        if (rule.has("window") && anchors.isEmpty()) {
            rule.problem("window", "'window' needs 'anchors' to be measured from");
        }
        return new Anchors(anchors, rule.integer("window", 100, 1, 100_000));
    }

    private static Pattern compile(Node node, YamlMap rule, PackLists lists, String what) {
        if (!(node instanceof ScalarNode s)) {
            rule.problem(node, what + ": a pattern must be a single (quoted) string");
            return null;
        }
        String expanded = lists.expandRegex(s.getValue(), rule, node);
        try {
            return Pattern.compile(expanded, Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            rule.problem(node, what + ": bad regex: " + e.getDescription() + " near index " + e.getIndex()
                    + " of '" + s.getValue() + "'");
            return null;
        }
    }
}
