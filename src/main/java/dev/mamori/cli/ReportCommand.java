package dev.mamori.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.agent.AgentConfig;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.Extractor;
import dev.mamori.extract.ForkedExtractor;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.impact.ImpactCounter;
import dev.mamori.output.SafeCsv;
import dev.mamori.report.AppiAssessor;
import dev.mamori.report.AppiCase;
import dev.mamori.report.HtmlReport;
import dev.mamori.report.Messages;
import dev.mamori.report.ReportData;
import dev.mamori.report.ReportTally;
import dev.mamori.rules.RuleSet;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A report of the alerts in a date range: one self-contained HTML file (charts, APPI assessment "
                + "on distinct persons, health alerts apart, sortable table, A4 print layout), CSV (UTF-8 with BOM) or "
                + "JSON, in Japanese or English, in the local time zone.")
final class ReportCommand implements Callable<Integer> {

    enum Format { html, csv, json }

    @Mixin
    AgentOptions options;

    @Mixin
    RulesOption rules;

    @Mixin
    FleetFilter fleetFilter;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    String to;

    @Option(names = "--incident", paramLabel = "QUERY",
            description = "Instead of a range: the incident sheet (HTML) for the alerts matching QUERY (one alert: "
                    + "'id:...'): what left, when, where, whose data, distinct persons, the APPI assessment and its "
                    + "deadlines, and the chain proof.")
    String incident;

    @Option(names = "--fleet", description = "Instead of a range: per host its department (--departments), its alerts, when it "
            + "was last heard of (SILENT after a day), its rule packs and those older than the fleet's newest, then the same "
            + "per department (text, or -f json). For a collector's --store.")
    boolean fleet;

    @Option(names = {"-f", "--format"}, defaultValue = "html", description = "html, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--lang", description = "ja or en (default: from the locale).")
    String lang;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of every time and of the days, e.g. Asia/Tokyo (default: this machine's).")
    String zone;

    @Option(names = "--isolation", defaultValue = "process",
            description = "How files are read again for the APPI assessment: process (default) or in_process.")
    ScanCommand.Isolation isolation;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = QuarantineCommand.stderr();
        LocalDate first;
        LocalDate last;
        ZoneId tz = Zones.parse(zone, err, "report");
        if (tz == null) {
            return ExitCodes.FATAL;
        }
        if (incident != null) {
            return incident(err, tz);
        }
        if (fleet) {
            return fleet(err);
        }
        if (from == null || to == null) {
            err.println("mamori report: give --from and --to (or --incident QUERY)");
            return ExitCodes.FATAL;
        }
        try {
            first = LocalDate.parse(from);
            last = LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            err.println("mamori report: dates are YYYY-MM-DD: " + e.getParsedString());
            return ExitCodes.FATAL;
        }
        if (last.isBefore(first)) {
            err.println("mamori report: --to is before --from");
            return ExitCodes.FATAL;
        }
        AgentConfig config = options.load(err);
        Path store = options.alertStore(err, "report");
        RuleSet set = config == null || store == null ? null : agentRules(config, err);
        if (set == null) {
            return ExitCodes.FATAL;
        }
        // the store's date field is the UTC day: a day either side covers the range's days in any zone
        String range = fleetFilter.narrow("date:[" + first.minusDays(1) + " TO " + last.plusDays(1) + "]", err, "report");
        if (range == null) {
            return ExitCodes.FATAL;
        }
        // read a page at a time: a month of a million alerts is added up, never held
        ReportTally tally = new ReportTally(first, last, tz, HtmlReport.TABLE_LIMIT);
        AlertStore.forEachReadOnly(store, range, tally::add);
        ChainHash.Verification chain = AlertStore.verify(store, null);
        List<AppiCase> appi;
        try (Extractor extractor = extractor()) {
            appi = AppiAssessor.assess(tally.appiCandidates(), a -> readableCopy(a, config.dataDir()),
                    new ImpactCounter(set, extractor));
        }
        Messages messages = Messages.of(lang == null ? Messages.defaultLang() : lang);
        List<String> packs = tally.packs();
        dev.mamori.fleet.Departments departments = fleetFilter.departments(err, "report");
        if (departments == null) {
            return ExitCodes.FATAL;
        }
        AlertList all = visit -> {
            try {
                AlertStore.forEachReadOnly(store, range, a -> {
                    if (tally.inRange(a) && !a.isHealth()) {
                        try {
                            visit.accept(a);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        };
        ReportData data = new ReportData(tally, AlertStore.triageState(store), packs.isEmpty() ? set.packs() : packs,
                chain, reasons(config.dataDir()), appi, null, departments);
        if (format == Format.html && output != null && tally.total() > HtmlReport.TABLE_LIMIT) {
            // the page lists the most severe alerts; the full list goes beside it, linked
            String name = output.getFileName().toString().replaceFirst("\\.html?$", "") + "-alerts.csv";
            try (Writer csv = Files.newBufferedWriter(output.resolveSibling(name), StandardCharsets.UTF_8)) {
                csv(data, all, messages, csv);
            }
            data = new ReportData(tally, data.triage(), data.rulePacks(), chain, data.reasons(), appi, name, departments);
        }
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            switch (format) {
                case html -> out.write(new HtmlReport(messages).render(data));
                case csv -> csv(data, all, messages, out);
                case json -> json(data, all, out);
            }
            out.flush();
        }
        return ExitCodes.CLEAN;
    }

    private int fleet(PrintWriter err) throws IOException {
        Path store = options.alertStore(err, "report");
        if (store == null) {
            return ExitCodes.FATAL;
        }
        String everyAlert = fleetFilter.narrow("*:*", err, "report");
        dev.mamori.fleet.Departments departments = fleetFilter.departments(err, "report");
        if (everyAlert == null || departments == null) {
            return ExitCodes.FATAL;
        }
        var builder = new dev.mamori.fleet.FleetSummary.Builder(); // a page at a time: a host costs a few counters
        AlertStore.forEachReadOnly(store, everyAlert, builder::add);
        var summary = builder.build(java.time.Instant.now(), java.time.Duration.ofDays(1), departments);
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            out.write(format == Format.json ? summary.toJson().toPrettyString() + "\n" : summary.toText());
            out.flush();
        }
        return ExitCodes.CLEAN;
    }

    /** The packs the agent runs: the bundled ones plus its config's rules.add (unless --rules says otherwise). */
    private RuleSet agentRules(AgentConfig config, PrintWriter err) {
        if (rules.rules.isEmpty()) {
            List<Path> add = new ArrayList<>(config.extraRules());
            add.addAll(rules.addRules);
            rules.addRules = add;
        }
        return rules.load(Clock.systemDefaultZone(), err);
    }

    private Extractor extractor() {
        return isolation == ScanCommand.Isolation.process ? new ForkedExtractor(ExtractionLimits.defaults())
                : new TikaExtractor(ExtractionLimits.defaults());
    }

    private int incident(PrintWriter err, ZoneId tz) throws IOException {
        AgentConfig config = options.load(err);
        Path store = options.alertStore(err, "report");
        RuleSet set = config == null || store == null ? null : agentRules(config, err);
        if (set == null) {
            return ExitCodes.FATAL;
        }
        List<Alert> alerts;
        try {
            String query = fleetFilter.narrow(incident, err, "report");
            if (query == null) {
                return ExitCodes.FATAL;
            }
            alerts = AlertStore.searchReadOnly(store, query, 100_000).stream().filter(a -> !a.isHealth()).toList();
        } catch (IllegalArgumentException e) {
            err.println("mamori report: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        if (alerts.isEmpty()) {
            err.println("mamori report: no personal-data alert matches '" + incident + "'");
            return ExitCodes.FATAL;
        }
        // each file once, as its newest alert judged it; all of them counted together for distinct persons
        Map<String, Alert> newestPerFile = new java.util.LinkedHashMap<>();
        alerts.forEach(a -> newestPerFile.putIfAbsent(a.containerPath(), a));
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        newestPerFile.forEach((file, a) -> readableCopy(a, config.dataDir()).ifPresentOrElse(files::add,
                () -> missing.add(file + " (no longer there, or changed since)")));
        dev.mamori.impact.Impact impact;
        try (Extractor extractor = extractor()) {
            impact = new ImpactCounter(set, extractor).count(files, missing);
        }
        dev.mamori.report.IncidentSheet sheet = new dev.mamori.report.IncidentSheet(incident, tz, alerts, impact,
                AlertStore.verify(store, null), AlertStore.triageState(store), java.time.Instant.now());
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            out.write(sheet.render(Messages.of(lang == null ? Messages.defaultLang() : lang)));
            out.flush();
        }
        return ExitCodes.CLEAN;
    }

    /**
     * The file an alert judged, with the content it judged: its quarantined copy, or the file
     * where it was if it is unchanged. Empty when it is gone or has changed since.
     */
    static Optional<Path> readableCopy(Alert a, Path dataDir) {
        Path file = a.quarantineId() != null ? dataDir.resolve("quarantine").resolve(a.quarantineId()).resolve("file")
                : Path.of(a.containerPath());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (a.sha256() == null || a.sha256().isEmpty()) {
            return Optional.of(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()).equalsIgnoreCase(a.sha256()) ? Optional.of(file) : Optional.empty();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** Every alert of the report's range, visited again (for the full list) a page at a time. */
    interface AlertList {
        void forEach(Visit visit) throws IOException;
    }

    interface Visit {
        void accept(Alert a) throws IOException;
    }

    /**
     * The status the agent recorded in its state store for each document it did not fully read
     * (encrypted, error, ...): why an alert that holds no personal data was raised.
     */
    static Map<String, String> reasons(Path dataDir) throws IOException {
        Map<String, String> statusOfDocument = new HashMap<>();
        Path state = dataDir.resolve("state");
        if (Files.isDirectory(state)) {
            for (FileState f : StateStore.readAll(state)) {
                for (var node : ResultJson.JSON.readTree(f.resultsJson())) {
                    DocumentResult r = ResultJson.fromJson(node);
                    if (r.status() != dev.mamori.extract.ExtractionStatus.OK) {
                        statusOfDocument.put(r.path(), r.status().label());
                    }
                }
            }
        }
        return statusOfDocument;
    }

    private static void csv(ReportData d, AlertList all, Messages m, Writer out) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(d.zone());
        SafeCsv csv = SafeCsv.forExcel(out, "time", "severity", "exit_point", "host",
                "user", "path", "records", "types", "samples", "appi_reportable", "action", "triage", "triage_by",
                "triage_at", "id");
        all.forEach(a -> {
            var t = d.triage().get(a.id());
            String types = a.counts().isEmpty() ? m.get("reason." + d.reason(a)) : ReportData.typeList(a.counts(), m);
            csv.row(time.format(a.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), a.severity().label(),
                    a.exitPoint().label(), a.host(), a.user(), a.path(), a.records(), types, String.join(" | ", a.samples()),
                    a.appiReportable(), a.action().label(), t == null ? "open" : t.action().label(), t == null ? "" : t.by(),
                    t == null ? "" : time.format(t.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), a.id());
        });
        csv.flush();
    }

    /** The report as JSON, its items written one by one as they are read, never held together. */
    private static void json(ReportData d, AlertList all, Writer out) throws IOException {
        ObjectNode root = ResultJson.JSON.createObjectNode();
        root.put("from", d.from().toString());
        root.put("to", d.to().toString());
        root.put("zone", d.zone().getId());
        root.put("alerts", d.total());
        root.put("high", d.count(dev.mamori.verdict.Severity.HIGH));
        root.put("reportable", d.reportable());
        root.put("cannotJudge", d.cannotJudge());
        root.put("health", d.alerts().healthTotal());
        ObjectNode chain = root.putObject("chain").put("ok", d.chain().ok()).put("records", d.chain().records());
        if (d.chain().ok()) {
            chain.put("head", d.chain().head());
        } else {
            chain.put("problem", d.chain().problem());
        }
        ArrayNode packs = root.putArray("rulePacks");
        d.rulePacks().forEach(packs::add);
        ArrayNode appi = root.putArray("appi");
        for (AppiCase c : d.appi()) {
            ObjectNode o = appi.addObject().put("path", c.path()).put("exitPoint", c.exitPoint())
                    .put("time", c.time().toString()).put("rows", c.rows()).put("judgement", c.judgement().name());
            if (c.persons() >= 0) {
                o.put("persons", c.persons());
            }
            ArrayNode criteria = o.putArray("criteria");
            c.criteria().forEach(criteria::add);
        }
        try (com.fasterxml.jackson.core.JsonGenerator g = ResultJson.JSON.getFactory().createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            var fields = root.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                g.writeFieldName(f.getKey());
                g.writeTree(f.getValue());
            }
            g.writeArrayFieldStart("items");
            all.forEach(a -> {
                ObjectNode item = AlertJson.toJson(a);
                var t = d.triage().get(a.id());
                if (t != null) {
                    item.putObject("triage").put("action", t.action().label()).put("note", t.note()).put("by", t.by())
                            .put("at", t.at().toString());
                }
                g.writeTree(item);
            });
            g.writeEndArray();
            g.writeArrayFieldStart("healthItems");
            for (Alert a : d.health()) {
                g.writeTree(AlertJson.toJson(a));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
