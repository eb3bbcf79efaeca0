package dev.mamori.cli;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.impact.Impact;
import dev.mamori.impact.ImpactCounter;
import dev.mamori.output.SafeText;
import dev.mamori.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "How many distinct persons a set of files concerns (what was on the lost USB stick, what was "
                + "uploaded), de-duplicated across files by keyed hashes, and whether APPI's report criteria are met.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:criteria not met (everything could be read)", "1:report REQUIRED",
                "2:bad usage, bad rule packs or a fatal error",
                "3:cannot judge: nothing, or not everything, could be read (files gone, encrypted, unreadable)"})
final class ImpactCommand implements Callable<Integer> {

    static final class Source {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders.")
        List<Path> paths;

        @Option(names = "--alerts", paramLabel = "QUERY", description = "The files of the alerts matching this query.")
        String alerts;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    FleetFilter fleet;

    @Mixin
    RulesOption rules;

    @Mixin
    AgentOptions agent;

    @Option(names = "--isolation", defaultValue = "process",
            description = "Parse files in supervised worker processes (process, default) or in this JVM (in_process).")
    ScanCommand.Isolation isolation;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Wall time per file, enforced by stopping the worker process (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = ExtractionLimits.defaults().timeout().toSeconds();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = QuarantineCommand.stdout();
        PrintWriter err = QuarantineCommand.stderr();
        RuleSet set = rules.load(Clock.systemDefaultZone(), err);
        if (set == null) {
            return ExitCodes.FATAL;
        }
        List<Path> files = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        if (source.paths != null) {
            walk(source.paths, files, missing);
        } else if (!alertFiles(err, files, missing)) {
            return ExitCodes.FATAL;
        }
        ExtractionLimits d = ExtractionLimits.defaults();
        ExtractionLimits limits;
        try {
            limits = new ExtractionLimits(d.maxBytes(), d.maxChars(), d.maxDepth(), d.maxMembers(),
                    Duration.ofSeconds(timeoutSeconds), d.workerHeapMb());
        } catch (IllegalArgumentException e) {
            err.println("mamori impact: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        Impact impact;
        try (Extractor extractor = isolation == ScanCommand.Isolation.process ? new ForkedExtractor(limits)
                : new TikaExtractor(limits)) {
            impact = new ImpactCounter(set, extractor).count(files, missing);
        }
        out.printf("files: %d   personal records: %d   distinct persons: %d%n", impact.files(), impact.records(),
                impact.persons());
        out.printf("card numbers: %d   My Numbers: %d   special care-required data: %d%n", impact.cards(), impact.myNumbers(),
                impact.specialCare());
        if (!impact.notCounted().isEmpty()) {
            out.println("not counted (" + impact.notCounted().size() + "): "
                    + SafeText.of(String.join(", ", impact.notCounted())));
        }
        switch (impact.judgement()) {
            case REQUIRED -> out.println("APPI report to the PPC: REQUIRED: " + String.join(", ", impact.criteria()));
            case NOT_MET -> out.println("APPI report to the PPC: criteria not met by the data found (special "
                    + "care-required data and malicious intent are not detected: judge them yourself)");
            case CANNOT_JUDGE -> out.println("APPI report to the PPC: cannot judge: "
                    + (impact.documents() == 0 ? "nothing could be counted" : "not everything could be counted")
                    + "; find or open what is listed above");
        }
        return switch (impact.judgement()) {
            case REQUIRED -> ExitCodes.SENSITIVE;
            case NOT_MET -> ExitCodes.CLEAN;
            case CANNOT_JUDGE -> ExitCodes.CANNOT_JUDGE;
        };
    }

    private static void walk(List<Path> roots, List<Path> files, Set<String> missing) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                missing.add(root + " (not there)");
                continue;
            }
            try (var s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(seen::add);
            }
        }
        files.addAll(seen);
    }

    private boolean alertFiles(PrintWriter err, List<Path> files, Set<String> missing) throws IOException {
        Path store = agent.alertStore(err, "impact");
        if (store == null) {
            return false;
        }
        List<Alert> alerts;
        try {
            String query = fleet.narrow(source.alerts, err, "impact");
            if (query == null) {
                return false;
            }
            alerts = AlertStore.searchReadOnly(store, query, 100_000);
        } catch (IllegalArgumentException e) {
            err.println("mamori impact: " + e.getMessage());
            return false;
        }
        Set<Path> found = new LinkedHashSet<>();
        for (Alert a : alerts) {
            if (a.isHealth()) {
                continue;
            }
            Path file = Path.of(a.containerPath());
            if (Files.isRegularFile(file)) {
                found.add(file);
            } else {
                missing.add(file + " (no longer there: quarantined, moved or deleted)");
            }
        }
        if (alerts.isEmpty()) {
            err.println("mamori impact: no alert matches '" + source.alerts + "'");
        }
        files.addAll(found);
        return true;
    }
}
