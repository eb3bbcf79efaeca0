package dev.mamori.cli;

import dev.mamori.agent.AgentConfigException;
import dev.mamori.agent.AgentConfigLoader;
import dev.mamori.bench.CorpusGenerator;
import dev.mamori.config.ConfigProblem;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.output.SafeText;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.SampleCheck;
import dev.mamori.scan.DocumentAnalyzer;
import dev.mamori.scan.DocumentResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check, try and explain rule packs before deploying them.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.Eval.class, RulesCommand.Explain.class,
                BundleCommands.Keygen.class, BundleCommands.Sign.class, BundleCommands.Verify.class})
final class RulesCommand {

    /** Rules run at most this slowly on the built-in sample text before {@code rules check} warns. */
    static final double SLOW_MS_PER_MB = 500;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate rule packs (and an agent config), run every rule against its samples, and warn about slow rules.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:no problems (warnings allowed)", "2:problems found"})
    static final class Check implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Option(names = "--config", paramLabel = "FILE", description = "Also validate this agent config.")
        Path config;

        @Parameters(arity = "0..*", paramLabel = "PATH",
                description = "Rule packs to check (files or folders), loaded with the bundled ones (same as --add-rules).")
        List<Path> paths = List.of();

        @Override
        public Integer call() throws IOException {
            PrintWriter out = QuarantineCommand.stdout();
            PrintWriter err = QuarantineCommand.stderr();
            if (!paths.isEmpty()) {
                List<Path> add = new ArrayList<>(rules.addRules);
                add.addAll(paths);
                rules.addRules = add;
            }
            int problems = 0;
            if (config != null) {
                try {
                    new AgentConfigLoader(Path.of(System.getProperty("user.home"))).load(config);
                } catch (AgentConfigException e) {
                    e.problems().forEach(out::println);
                    problems += e.problems().size();
                }
            }
            RuleSet set = rules.load(Clock.systemDefaultZone(), err);
            if (set == null) {
                return ExitCodes.FATAL;
            }
            List<ConfigProblem> sampleProblems = SampleCheck.run(set);
            sampleProblems.forEach(out::println);
            problems += sampleProblems.size();
            SampleCheck.overlappingTypes(set).forEach(out::println);
            for (String warning : slowRules(set)) {
                out.println(warning);
            }
            out.printf(Locale.ROOT, "%d rule(s) in %d pack(s): %s%n", set.detectors().size(), set.packs().size(),
                    problems == 0 ? "no problems" : problems + " problem(s)");
            return problems == 0 ? ExitCodes.CLEAN : ExitCodes.FATAL;
        }

        /** Runs each rule over 1 MB of generated business text and warns about the slow ones. */
        static List<String> slowRules(RuleSet set) {
            String text = new CorpusGenerator(11).text(350_000);
            ScanText scanText = ScanText.of(text);
            double mb = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6;
            List<String> warnings = new ArrayList<>();
            for (Detector d : set.detectors()) {
                try {
                    d.detect(scanText); // warm up
                } catch (dev.mamori.detect.BudgetExceededException e) {
                    // measured below
                }
                long start = System.nanoTime();
                try {
                    d.detect(scanText);
                } catch (dev.mamori.detect.BudgetExceededException e) {
                    warnings.add("warning: rule '" + d.spec().id() + "' is slow: it ran out of its "
                            + d.spec().budget().toMillis() + " ms budget on 1 MB of sample text");
                    continue;
                }
                double msPerMb = (System.nanoTime() - start) / 1e6 / mb;
                if (msPerMb > SLOW_MS_PER_MB) {
                    warnings.add(String.format(Locale.ROOT, "warning: rule '%s' is slow: %.0f ms per MB of text (give it "
                            + "'anchors', a 'prefilter' or a tighter pattern)", d.spec().id(), msPerMb));
                }
            }
            return warnings;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Show what the rules find in a text or in files, why each finding fired, and the verdict.")
    static final class Test implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        static final class Input {
            @Option(names = "--text", paramLabel = "TEXT", description = "The text to test.")
            String text;

            @Parameters(paramLabel = "FILE", description = "Files to test.")
            List<Path> files;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        @Option(names = "--reveal", description = "Show raw values too, on a terminal only (never in a file or a pipe).")
        boolean reveal;

        @Override
        public Integer call() {
            PrintWriter out = QuarantineCommand.stdout();
            PrintWriter err = QuarantineCommand.stderr();
            RuleSet set = rules.load(Clock.systemDefaultZone(), err);
            if (set == null) {
                return ExitCodes.FATAL;
            }
            boolean showRaw = reveal && System.console() != null;
            if (reveal && !showRaw) {
                err.println("mamori rules test: --reveal works on a terminal only; values stay masked");
            }
            DocumentAnalyzer analyzer = new DocumentAnalyzer(set);
            List<ExtractedDocument> docs = new ArrayList<>();
            if (input.text != null) {
                docs.add(new ExtractedDocument("--text", dev.mamori.extract.ExtractionStatus.OK, null, "text/plain", input.text));
            } else {
                TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());
                for (Path f : input.files) {
                    docs.addAll(extractor.extract(f, f.toString()));
                }
            }
            boolean[] sensitive = {false};
            analyzer.explainAll(docs, true, (doc, analysis) -> {
                DocumentResult result = analysis.result();
                out.printf("%s: status %s, severity %s, records %d%s%n", SafeText.of(doc.path()), result.status().label(),
                        result.verdict().severity().label(), result.verdict().records(),
                        result.verdict().policyRules().isEmpty() ? "" : " (policy: " + String.join(", ", result.verdict().policyRules()) + ")");
                String text = showRaw && !analysis.findings().isEmpty() ? doc.text() : null;
                for (Finding f : analysis.findings()) {
                    // the explanation quotes the document (a column heading): escaped like the value
                    out.print(SafeText.format("  %-24s %-6s %-26s %s%s%n", f.type(), f.confidence().label(), f.ruleId(),
                            f.masked(), text != null ? "  = " + text.substring(f.start(), f.end()) : ""));
                    out.print(SafeText.format("      why: %s%n", String.join("; ", f.explanation())));
                }
                sensitive[0] |= result.verdict().severity() != dev.mamori.verdict.Severity.NONE;
            });
            out.flush();
            return sensitive[0] ? ExitCodes.SENSITIVE : ExitCodes.CLEAN;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Precision and recall of the rules on a labelled sample folder (labels.json, format in the README), "
                    + "the false positives and negatives (masked), and what changes against a baseline rule set.")
    static final class Eval implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Option(names = "--labels", required = true, paramLabel = "LABELS.json", description = "The labels file.")
        Path labels;

        @Parameters(paramLabel = "DIR", description = "The labelled folder (paths in the labels are relative to it).")
        Path dir;

        @Option(names = "--baseline", paramLabel = "DIR|FILE", description = "Rule packs to compare with (repeatable).")
        List<Path> baseline = List.of();

        @Option(names = "--min-confidence", defaultValue = "low", description = "Findings below this are not predictions (default ${DEFAULT-VALUE}).")
        String minConfidence;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = QuarantineCommand.stdout();
            PrintWriter err = QuarantineCommand.stderr();
            RuleSet set = rules.load(Clock.systemDefaultZone(), err);
            var confidence = dev.mamori.detect.Confidence.parse(minConfidence);
            if (set == null || confidence == null) {
                if (confidence == null) {
                    err.println("mamori rules eval: --min-confidence must be low, medium or high");
                }
                return ExitCodes.FATAL;
            }
            var labelSet = dev.mamori.eval.Labels.read(labels);
            TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());
            var eval = dev.mamori.eval.Evaluation.run(dir, labelSet, extractor, set.engine(), confidence);
            out.print(eval.table());
            eval.scores().forEach((type, sc) -> {
                sc.falsePositives().forEach(fp -> out.println("false positive " + type + " " + fp));
                sc.falseNegatives().forEach(fn -> out.println("false negative " + type + " " + fn));
            });
            if (!baseline.isEmpty()) {
                RuleSet base;
                try {
                    base = new dev.mamori.rules.RuleSetLoader(Clock.systemDefaultZone()).load(baseline);
                } catch (dev.mamori.config.ConfigException e) {
                    err.println("mamori rules eval: baseline refused:\n" + e.getMessage());
                    return ExitCodes.FATAL;
                }
                var before = dev.mamori.eval.Evaluation.run(dir, labelSet, extractor, base.engine(), confidence);
                out.println("\nagainst the baseline:");
                out.print(eval.diff(before));
            }
            out.flush();
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "What detects a type: its rules, their kind, validator, confidence, context and the knobs to turn.")
    static final class Explain implements Callable<Integer> {
        @Mixin
        RulesOption rules;

        @Parameters(paramLabel = "TYPE", description = "An information type, e.g. PHONE_NUMBER.")
        String type;

        @Override
        public Integer call() {
            PrintWriter out = QuarantineCommand.stdout();
            RuleSet set = rules.load(Clock.systemDefaultZone(), QuarantineCommand.stderr());
            if (set == null) {
                return ExitCodes.FATAL;
            }
            List<Detector> matching = set.detectors().stream().filter(d -> d.spec().type().equalsIgnoreCase(type)).toList();
            if (matching.isEmpty()) {
                out.println("no rule detects " + type + "; types: " + String.join(", ",
                        set.detectors().stream().map(d -> d.spec().type()).distinct().sorted().toList()));
                return ExitCodes.FATAL;
            }
            for (Detector d : matching) {
                var s = d.spec();
                out.printf("rule %s (%s)%n", s.id(), d.getClass().getSimpleName().replace("Detector", "").toLowerCase(Locale.ROOT));
                out.printf("  confidence of a bare match: %s%n", s.confidence().label());
                out.printf("  validator: %s%n", s.validatorName() == null ? "none" : s.validatorName());
                if (s.context() != null) {
                    out.printf("  context: keywords within %d characters (or in the column heading) raise it to %s%s%n",
                            s.context().proximity(), s.contextConfidence().label(), s.contextRequired() ? "; required" : "");
                }
                if (s.excludeContext() != null) {
                    out.printf("  exclude-context: keywords within %d characters drop a match%n", s.excludeContext().proximity());
                }
                out.printf("  mask: %s   time budget: %d ms per text%n", s.mask().label(), s.budget().toMillis());
            }
            out.println("knobs: confidence, context.keywords/proximity/confidence/required, exclude-context, validator options,"
                    + " exclusions.values/paths/disable-rules, and the policy's min-confidence/min-count (README: Writing and testing a rule)");
            return ExitCodes.CLEAN;
        }
    }
}
