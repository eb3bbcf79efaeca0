package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;
import dev.mamori.config.YamlMap;
import dev.mamori.config.YamlText;
import dev.mamori.config.Suggest;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.ContextMatcher;
import dev.mamori.detect.Detector;
import dev.mamori.detect.RuleSpec;
import dev.mamori.detect.Validator;
import dev.mamori.detect.Validators;
import dev.mamori.mask.MaskStyle;
import dev.mamori.verdict.RecordSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads rule packs (YAML files, or folders of them) into a {@link RuleSet}.
 *
 * <p>Two passes: the first collects every pack's {@code lists} (so a pattern may use a list
 * defined in another pack as {@code ${name}}), the second builds rules, exclusions, record
 * settings and policy. Any error anywhere refuses the whole set: a DLP must never run with a
 * silently dropped rule.
 */
public final class RuleSetLoader {

    static final List<String> PACK_KEYS = List.of("pack", "version", "description", "lists", "rules", "exclusions",
            "records", "policy");
    static final List<String> EXCLUSION_KEYS = List.of("values", "paths", "disable-rules");
    static final List<String> RECORD_KEYS = List.of("name-type", "companions", "window", "min-confidence");
    static final List<String> POLICY_KEYS = List.of("id", "severity", "when", "flags", "description");
    static final List<String> WHEN_KEYS = List.of("type", "min-count", "min-confidence", "min-records", "status",
            "uninspectable");
    static final List<String> CONTEXT_KEYS = List.of("keywords", "proximity", "confidence", "required", "column-header",
            "required-in-number-run");
    static final List<String> EXCLUDE_CONTEXT_KEYS = List.of("keywords", "proximity", "column-header");
    static final List<String> SAMPLE_KEYS = List.of("positive", "negative");
    static final int DEFAULT_PROXIMITY = 50;
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

    private final Clock clock;

    public RuleSetLoader(Clock clock) {
        this.clock = clock;
    }

    /** The rule packs bundled with Mamori (the {@code rules/} folder, packaged in the jar). */
    public RuleSet loadBundled() throws RuleLoadException, IOException {
        return load(List.of(bundledRules()));
    }

    /** Where the bundled packs are: a folder of the jar (or of the classes directory). */
    public static Path bundledRules() throws IOException {
        var url = RuleSetLoader.class.getResource("/rules/");
        if (url == null) {
            throw new IOException("the bundled rules are missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return fs.getPath("/rules");
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bundled rules: " + e.getMessage(), e);
        }
    }

    /** Loads the given pack files and folders (every {@code *.yaml}/{@code *.yml} inside, sorted by name). */
    public RuleSet load(List<Path> paths) throws RuleLoadException, IOException {
        List<Path> files = packFiles(paths);
        if (files.isEmpty()) {
            throw new IOException("no rule packs (*.yaml) in " + paths);
        }
        return loadFiles(files);
    }

    /** The pack files {@code paths} name: files as given, folders expanded to their {@code *.yaml}/{@code *.yml}, sorted. */
    public static List<Path> packFiles(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> {
                        String n = f.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    }).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such rule file or folder: " + p);
            }
        }
        return files;
    }

    private RuleSet loadFiles(List<Path> files) throws RuleLoadException, IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ParsedPack> parsed = new ArrayList<>();
        for (Path f : files) {
            parsed.add(parse(f, problems));
        }
        PackLists lists = new PackLists();
        for (ParsedPack p : parsed) {
            p.readLists(lists);
        }
        Builder builder = new Builder(lists, clock, problems);
        for (ParsedPack p : parsed) {
            builder.addPack(p);
        }
        RuleSet set = builder.build();
        if (problems.stream().anyMatch(pr -> !pr.warning())) {
            throw new RuleLoadException(problems);
        }
        return set;
    }

    private static ParsedPack parse(Path file, List<ConfigProblem> problems) throws IOException {
        String name = file.toString();
        int before = problems.size();
        Optional<Node> root = YamlText.parse(file, problems);
        if (root.isEmpty() && problems.size() == before) {
            problems.add(ConfigProblem.error(name, 1, 1, "empty rule pack"));
        }
        return new ParsedPack(YamlMap.of(name, root.orElse(null), problems, "rule pack"));
    }

    /** A confidence value, or {@code dflt} (with a problem when the text names none). */
    static Confidence confidence(YamlMap map, String key, Confidence dflt, String what) {
        String text = map.string(key, null);
        if (text == null) {
            return dflt;
        }
        Confidence c = Confidence.parse(text);
        if (c == null) {
            map.problem(key, what + ": '" + key + "' must be low, medium or high, not '" + text + "'");
            return dflt;
        }
        return c;
    }

    static String suggestion(String word, java.util.Collection<String> known) {
        String s = Suggest.closest(word, known);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** A pack's top level, parsed but not yet built. */
    private record ParsedPack(YamlMap top) {
        void readLists(PackLists lists) {
            top.allowOnly(PACK_KEYS, "rule pack");
            YamlMap map = top.map("lists");
            if (map == null) {
                return;
            }
            for (String key : map.keys()) {
                if (!key.matches("[a-z][a-z0-9-]*")) {
                    map.problem(key, "list name '" + key + "' must be lower-case words joined by '-'");
                }
                List<String> items = map.strings(key);
                if (items.isEmpty()) {
                    map.problem(key, "list '" + key + "' is empty");
                }
                lists.define(key, items, map, key);
            }
        }
    }

    /** Second pass: builds everything, collecting problems. */
    private static final class Builder {
        private final PackLists lists;
        private final Clock clock;
        private final List<ConfigProblem> problems;
        private final List<String> packs = new ArrayList<>();
        private final Map<String, String> ruleOrigins = new LinkedHashMap<>();
        private final List<PendingRule> rules = new ArrayList<>();
        private final PackExclusions exclusions;
        private final PolicyReader policy;
        private final List<RuleSample> samples = new ArrayList<>();
        private RecordSettings records = RecordSettings.defaults();
        private String recordsFrom;

        private record PendingRule(String id, Detector detector, boolean enabled) {
        }

        Builder(PackLists lists, Clock clock, List<ConfigProblem> problems) {
            this.lists = lists;
            this.clock = clock;
            this.problems = problems;
            this.exclusions = new PackExclusions(problems);
            this.policy = new PolicyReader(problems);
        }

        void addPack(ParsedPack parsed) {
            YamlMap top = parsed.top();
            if (top.self() == null) {
                return;
            }
            String name = top.required("pack", "rule pack");
            String version = top.string("version", "unversioned");
            packs.add(name + " " + version + " (" + top.file() + ")");
            for (Node ruleNode : top.items("rules")) {
                addRule(YamlMap.of(top.file(), ruleNode, problems, "a rule"));
            }
            YamlMap ex = top.map("exclusions");
            if (ex != null) {
                exclusions.add(ex);
            }
            YamlMap rec = top.map("records");
            if (rec != null) {
                if (recordsFrom != null) {
                    rec.problem(rec.self(), "records are already configured in " + recordsFrom);
                }
                recordsFrom = top.file() + ":" + rec.line();
                records = policy.records(rec);
            }
            for (Node p : top.items("policy")) {
                policy.add(YamlMap.of(top.file(), p, problems, "a policy rule"));
            }
        }

        RuleSet build() {
            List<Detector> detectors = new ArrayList<>();
            for (var e : exclusions.disabled().entrySet()) {
                if (!ruleOrigins.containsKey(e.getKey())) {
                    e.getValue().problem("disable-rules", "disable-rules names unknown rule '" + e.getKey() + "'"
                            + suggestion(e.getKey(), ruleOrigins.keySet()));
                }
            }
            for (PendingRule r : rules) {
                if (r.enabled() && !exclusions.disabled().containsKey(r.id()) && r.detector() != null) {
                    detectors.add(r.detector());
                }
            }
            return new RuleSet(packs, detectors, exclusions.values(), exclusions.pathGlobs(), policy.policy(), records,
                    samples);
        }

        private void addRule(YamlMap rule) {
            String id = rule.required("id", "rule");
            String what = id == null ? "rule" : "rule '" + id + "'";
            if (id != null) {
                if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
                    rule.problem("id", what + ": ids are lower-case letters, digits, '-', '_' or '.'");
                }
                if (ruleOrigins.containsKey(id)) {
                    rule.problem("id", what + ": duplicate id (first defined at " + ruleOrigins.get(id) + ")");
                } else {
                    ruleOrigins.put(id, rule.file() + ":" + rule.line());
                }
            }
            String type = rule.required("type", what);
            if (type != null && !type.matches("[A-Z][A-Z0-9_]*")) {
                rule.problem("type", what + ": type '" + type + "' must be UPPER_SNAKE_CASE like PHONE_NUMBER");
            }
            String kindName = rule.string("kind", "regex");
            DetectorKinds.Kind kind = DetectorKinds.get(kindName);
            if (kind == null) {
                rule.problem("kind", what + ": unknown kind '" + kindName + "'"
                        + suggestion(kindName, DetectorKinds.names()) + " (kinds: " + String.join(", ", DetectorKinds.names()) + ")");
                return;
            }
            List<String> allowed = new ArrayList<>(DetectorKinds.COMMON_KEYS);
            allowed.addAll(kind.keys());
            rule.allowOnly(allowed, what + " (kind " + kindName + ")");
            RuleSpec spec = spec(rule, id, type, what, kind.defaultMask());
            Detector detector = null;
            if (spec != null) {
                try {
                    detector = kind.build(spec, rule, lists, what);
                } catch (RuntimeException e) {
                    rule.problem(rule.self(), what + ": " + e.getMessage());
                }
            }
            boolean enabled = rule.bool("enabled", true);
            rules.add(new PendingRule(id, detector, enabled));
            readSamples(rule, id, type, what);
        }

        private RuleSpec spec(YamlMap rule, String id, String type, String what, MaskStyle defaultMask) {
            Confidence confidence = confidence(rule, "confidence", Confidence.MEDIUM, what);
            Validator validator = null;
            String validatorName = null;
            Node vNode = rule.node("validator");
            if (vNode != null) {
                Map<String, Object> options = Map.of();
                if (vNode instanceof ScalarNode s) {
                    validatorName = s.getValue();
                } else {
                    YamlMap v = YamlMap.of(rule.file(), vNode, problems, what + ": validator");
                    validatorName = v.required("name", what + ": validator");
                    Map<String, Object> o = new LinkedHashMap<>(v.plain());
                    o.remove("name");
                    options = o;
                }
                if (validatorName != null) {
                    if (!Validators.exists(validatorName)) {
                        rule.problem("validator", what + ": unknown validator '" + validatorName + "'"
                                + suggestion(validatorName, Validators.names()) + " (validators: " + String.join(", ", Validators.names()) + ")");
                    } else {
                        try {
                            validator = Validators.create(validatorName, options, clock);
                        } catch (IllegalArgumentException e) {
                            rule.problem("validator", what + ": " + e.getMessage());
                        }
                    }
                }
            }
            ContextMatcher context = null;
            Confidence contextConfidence = Confidence.HIGH;
            boolean required = false;
            YamlMap ctx = rule.map("context");
            if (ctx != null) {
                ctx.allowOnly(CONTEXT_KEYS, what + ": context");
                List<String> keywords = lists.expandItems(ctx.strings("keywords"), ctx, "keywords");
                if (keywords.isEmpty()) {
                    ctx.problem(ctx.self(), what + ": context needs 'keywords'");
                }
                context = new ContextMatcher(keywords, ctx.integer("proximity", DEFAULT_PROXIMITY, 0, 10_000),
                        ctx.bool("column-header", true), ctx.bool("required-in-number-run", false));
                contextConfidence = confidence(ctx, "confidence", Confidence.HIGH, what);
                required = ctx.bool("required", false);
            }
            ContextMatcher exclude = null;
            YamlMap ex = rule.map("exclude-context");
            if (ex != null) {
                ex.allowOnly(EXCLUDE_CONTEXT_KEYS, what + ": exclude-context");
                List<String> keywords = lists.expandItems(ex.strings("keywords"), ex, "keywords");
                if (keywords.isEmpty()) {
                    ex.problem(ex.self(), what + ": exclude-context needs 'keywords'");
                }
                exclude = new ContextMatcher(keywords, ex.integer("proximity", 20, 0, 10_000), ex.bool("column-header", true));
            }
            MaskStyle mask = defaultMask;
            String maskName = rule.string("mask", null);
            if (maskName != null) {
                mask = MaskStyle.parse(maskName);
                if (mask == null) {
                    List<String> styles = Stream.of(MaskStyle.values()).map(MaskStyle::label).toList();
                    rule.problem("mask", what + ": unknown mask '" + maskName + "'" + suggestion(maskName, styles)
                            + " (masks: " + String.join(", ", styles) + ")");
                    mask = MaskStyle.ALL;
                }
            }
            List<String> prefilter = rule.strings("prefilter").stream()
                    .map(dev.mamori.detect.ScanText::searchForm).toList();
            Duration budget = Duration.ofMillis(rule.integer("budget-ms", (int) DEFAULT_BUDGET.toMillis(), 1, 600_000));
            if (id == null || type == null) {
                return null;
            }
            return new RuleSpec(id, type, confidence, validator, validatorName, context, contextConfidence, required,
                    exclude, mask, prefilter, budget);
        }

        private void readSamples(YamlMap rule, String id, String type, String what) {
            YamlMap s = rule.map("samples");
            if (s == null) {
                return;
            }
            s.allowOnly(SAMPLE_KEYS, what + ": samples");
            for (String key : SAMPLE_KEYS) {
                for (Node item : s.items(key)) {
                    int line = item.getStartMark().getLine() + 1;
                    if (item instanceof ScalarNode sc) {
                        samples.add(new RuleSample(id, type, sc.getValue(), key.equals("positive"), null, rule.file(), line));
                    } else {
                        YamlMap m = YamlMap.of(rule.file(), item, problems, what + ": sample");
                        m.allowOnly(List.of("text", "confidence"), what + ": sample");
                        String text = m.required("text", what + ": sample");
                        Confidence c = confidence(m, "confidence", null, what);
                        if (text != null) {
                            samples.add(new RuleSample(id, type, text, key.equals("positive"), c, rule.file(), line));
                        }
                    }
                }
            }
        }

    }
}
