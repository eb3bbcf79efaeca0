package dev.mamori.cli;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.detect.DetectionEngine;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.extract.ExtractedDocument;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.ExtractionStatus;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.rules.RuleSet;
import dev.mamori.verdict.RecordCounter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "How many distinct persons a set of files concerns (what was on the lost USB stick, what was "
                + "uploaded), de-duplicated across files by keyed hashes, and whether APPI's report criteria are met.")
final class ImpactCommand implements Callable<Integer> {

    static final class Source {
        @Parameters(paramLabel = "PATH", description = "Files or folders.")
        List<Path> paths;

        @Option(names = "--alerts", paramLabel = "QUERY", description = "The files of the alerts matching this query.")
        String alerts;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    RulesOption rules;

    @Mixin
    AgentOptions agent;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = QuarantineCommand.stdout();
        PrintWriter err = QuarantineCommand.stderr();
        RuleSet set = rules.load(Clock.systemDefaultZone(), err);
        if (set == null) {
            return ExitCodes.FATAL;
        }
        List<Path> files = source.paths != null ? walk(source.paths) : alertFiles(err);
        if (files == null) {
            return ExitCodes.FATAL;
        }
        // persons are compared through HMACs under a key that exists only in this run's memory
        Mac mac = mac();
        DetectionEngine engine = set.engine();
        RecordCounter counter = new RecordCounter(set.records());
        TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults());
        Set<String> persons = new HashSet<>();
        long records = 0;
        int cards = 0;
        int myNumbers = 0;
        List<String> unreadable = new ArrayList<>();
        for (Path f : files) {
            for (ExtractedDocument doc : extractor.extract(f, f.toString())) {
                if (doc.status() == ExtractionStatus.ENCRYPTED || doc.status() == ExtractionStatus.ERROR) {
                    unreadable.add(doc.path() + " (" + doc.status().label() + ")");
                }
                ScanText text = ScanText.of(doc.text());
                List<Finding> findings = engine.detect(text).findings();
                records += counter.count(text, findings);
                for (String key : counter.personKeys(text, findings)) {
                    persons.add(HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8))));
                }
                cards += (int) findings.stream().filter(x -> x.type().equals("CREDIT_CARD_NUMBER")).count();
                myNumbers += (int) findings.stream().filter(x -> x.type().equals("JAPAN_INDIVIDUAL_NUMBER")).count();
            }
        }
        out.printf("files: %d   personal records: %d   distinct persons: %d%n", files.size(), records, persons.size());
        out.printf("card numbers: %d   My Numbers: %d%n", cards, myNumbers);
        List<String> criteria = new ArrayList<>();
        if (persons.size() > 1_000) {
            criteria.add("more than 1,000 persons");
        }
        if (cards > 0) {
            criteria.add("card numbers (financial damage)");
        }
        out.println(criteria.isEmpty()
                ? "APPI report to the PPC: criteria not met by the data found (special care-required data and malicious intent are not detected: judge them yourself)"
                : "APPI report to the PPC: REQUIRED: " + String.join(", ", criteria));
        if (!unreadable.isEmpty()) {
            out.println("could not inspect " + unreadable.size() + " document(s): " + String.join(", ", unreadable));
        }
        return criteria.isEmpty() ? ExitCodes.CLEAN : ExitCodes.SENSITIVE;
    }

    private static Mac mac() {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA256", e);
        }
    }

    private static List<Path> walk(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (var s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private List<Path> alertFiles(PrintWriter err) throws IOException {
        Path store = agent.alertStore(err, "impact");
        if (store == null) {
            return null;
        }
        Set<Path> files = new LinkedHashSet<>();
        for (Alert a : AlertStore.searchReadOnly(store, source.alerts, 100_000)) {
            Path file = Path.of(a.path().split("!/", 2)[0]);
            if (Files.isRegularFile(file)) {
                files.add(file);
            } else {
                err.println("mamori impact: " + file + " is no longer there (quarantined, moved or deleted); not counted");
            }
        }
        return new ArrayList<>(files);
    }
}
