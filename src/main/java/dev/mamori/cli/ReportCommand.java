package dev.mamori.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.report.HtmlReport;
import dev.mamori.report.Messages;
import dev.mamori.report.ReportData;
import dev.mamori.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A report of the alerts in a date range: one self-contained HTML file (charts, APPI incidents, "
                + "sortable table), CSV (UTF-8 with BOM) or JSON, in Japanese or English.")
final class ReportCommand implements Callable<Integer> {

    enum Format { html, csv, json }

    @Mixin
    AgentOptions options;

    @Mixin
    RulesOption rules;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day (inclusive).")
    String to;

    @Option(names = {"-f", "--format"}, defaultValue = "html", description = "html, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--lang", description = "ja or en (default: from the locale).")
    String lang;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = QuarantineCommand.stderr();
        LocalDate first;
        LocalDate last;
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
        Path store = options.alertStore(err, "report");
        RuleSet set = rules.load(Clock.systemDefaultZone(), err);
        if (store == null || set == null) {
            return ExitCodes.FATAL;
        }
        List<Alert> alerts = AlertStore.searchReadOnly(store, "date:[" + first + " TO " + last + "]", Integer.MAX_VALUE - 1);
        ChainHash.Verification chain = AlertStore.verify(store, null);
        ReportData data = new ReportData(first, last, alerts, AlertStore.triageState(store), set.packs(),
                chain.ok() ? "OK, " + chain.records() + " records, head " + chain.head() : "BROKEN: " + chain.problem());
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            switch (format) {
                case html -> out.write(new HtmlReport(Messages.of(lang == null ? Messages.defaultLang() : lang)).render(data));
                case csv -> csv(data, out);
                case json -> json(data, out);
            }
            out.flush();
        }
        return ExitCodes.CLEAN;
    }

    private static void csv(ReportData d, Writer out) throws IOException {
        out.write('\uFEFF'); // Excel in Japan opens UTF-8 CSV correctly only with a BOM
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("time", "severity", "exit_point", "host",
                "user", "path", "records", "types", "samples", "appi_reportable", "action", "triage", "id").get());
        for (Alert a : d.alerts()) {
            var t = d.triage().get(a.id());
            csv.printRecord(a.time(), a.severity(), a.exitPoint(), a.host(), a.user(), a.path(), a.records(), a.counts(),
                    String.join(" | ", a.samples()), a.appiReportable(), a.action(), t == null ? "open" : t.action(), a.id());
        }
        csv.flush();
    }

    private static void json(ReportData d, Writer out) throws IOException {
        ObjectNode root = dev.mamori.scan.ResultJson.JSON.createObjectNode();
        root.put("from", d.from().toString());
        root.put("to", d.to().toString());
        root.put("alerts", d.alerts().size());
        root.put("high", d.count("high"));
        root.put("reportable", d.reportable().size());
        root.put("chain", d.chain());
        ArrayNode packs = root.putArray("rulePacks");
        d.rulePacks().forEach(packs::add);
        ArrayNode list = root.putArray("items");
        for (Alert a : d.alerts()) {
            ObjectNode item = AlertJson.toJson(a);
            var t = d.triage().get(a.id());
            if (t != null) {
                item.putObject("triage").put("action", t.action()).put("note", t.note()).put("by", t.by());
            }
            list.add(item);
        }
        out.write(root.toPrettyString());
    }
}
