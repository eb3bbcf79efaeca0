package dev.mamori.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.agent.AgentConfig;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.output.SafeCsv;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.quarantine.QuarantineRecord;
import dev.mamori.scan.DocumentResult;
import dev.mamori.scan.ResultJson;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.verdict.FindingSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "The personal-data file register (個人情報ファイル台帳): every file on this machine the agent "
                + "found holding personal data, with its types, records, severity and when it was last scanned.")
final class InventoryCommand implements Callable<Integer> {

    enum Format { csv, json, html }

    @Mixin
    AgentOptions options;

    @Option(names = {"-f", "--format"}, defaultValue = "csv", description = "csv (UTF-8 with BOM, for Excel), json or html.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--all", description = "List clean files too.")
    boolean all;

    /**
     * One line of the register.
     *
     * @param state {@code present}, or {@code quarantined <id> <time>}: a quarantined file's contents
     *              are still held (in the quarantine), so it stays in the register
     */
    record Entry(String path, String severity, int records, Map<String, Integer> types, String scanned, String state) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = QuarantineCommand.stderr();
        AgentConfig config = options.load(err);
        if (config == null) {
            return ExitCodes.FATAL;
        }
        Path state = config.dataDir().resolve("state");
        if (!Files.isDirectory(state)) {
            err.println("mamori inventory: no state store in " + config.dataDir());
            return ExitCodes.FATAL;
        }
        List<Entry> entries = new java.util.ArrayList<>();
        for (FileState f : StateStore.readAll(state)) {
            if (!all && "none".equals(f.severity())) {
                continue;
            }
            Map<String, Integer> types = new TreeMap<>();
            int records = 0;
            for (var node : ResultJson.JSON.readTree(f.resultsJson())) {
                DocumentResult r = ResultJson.fromJson(node);
                records += r.verdict().records();
                for (FindingSummary s : r.verdict().findings()) {
                    types.merge(s.type(), s.count(), Integer::sum);
                }
            }
            entries.add(new Entry(f.path(), f.severity(), records, types, f.scannedAt().toString(), "present"));
        }
        entries.addAll(quarantined(config.dataDir(), entries));
        entries.sort(java.util.Comparator.comparing(Entry::path));
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            switch (format) {
                case csv -> csv(entries, out);
                case json -> json(entries, out);
                case html -> html(entries, out);
            }
            out.flush();
        }
        return ExitCodes.CLEAN;
    }

    /**
     * Files held in the quarantine (not restored), with what their alerts recorded: the agent drops
     * a quarantined file's scan state, but the organisation still holds its contents.
     */
    private static List<Entry> quarantined(Path dataDir, List<Entry> present) throws IOException {
        Path box = dataDir.resolve("quarantine");
        if (!Files.isDirectory(box)) {
            return List.of();
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        present.forEach(e -> listed.add(e.path()));
        Map<String, List<Alert>> alertsOf = new java.util.HashMap<>();
        Path store = dataDir.resolve("alerts");
        if (Files.isDirectory(store)) {
            for (Alert a : AlertStore.searchReadOnly(store, "action:quarantine", Integer.MAX_VALUE - 1)) {
                if (a.quarantineId() != null) {
                    alertsOf.computeIfAbsent(a.quarantineId(), k -> new java.util.ArrayList<>()).add(a);
                }
            }
        }
        List<Entry> out = new java.util.ArrayList<>();
        for (QuarantineRecord q : new Quarantine(box, java.time.Clock.systemUTC()).list()) {
            if (q.restored() != null || listed.contains(q.original())) {
                continue;
            }
            Map<String, Integer> types = new TreeMap<>();
            int records = 0;
            String severity = "none";
            for (Alert a : alertsOf.getOrDefault(q.id(), List.of())) {
                records += a.records();
                a.counts().forEach((t, n) -> types.merge(t, n, Integer::sum));
                severity = worse(severity, a.severity().label());
            }
            out.add(new Entry(q.original(), severity, records, types, q.time().toString(),
                    "quarantined " + q.id() + " " + q.time()));
        }
        return out;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("none", "low", "medium", "high");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static void csv(List<Entry> entries, PrintWriter out) throws IOException {
        try (SafeCsv csv = SafeCsv.forExcel(out, "path", "severity", "records", "types", "last_scanned", "state")) {
            for (Entry e : entries) {
                csv.row(e.path(), e.severity(), e.records(), TypeCounts.text(e.types()), e.scanned(), e.state());
            }
        }
    }

    private static void json(List<Entry> entries, PrintWriter out) {
        ArrayNode array = ResultJson.JSON.createArrayNode();
        for (Entry e : entries) {
            ObjectNode o = array.addObject();
            o.put("path", e.path());
            o.put("severity", e.severity());
            o.put("records", e.records());
            ObjectNode types = o.putObject("types");
            e.types().forEach(types::put);
            o.put("lastScanned", e.scanned());
            o.put("state", e.state());
        }
        out.println(array.toPrettyString());
    }

    private static void html(List<Entry> entries, PrintWriter out) {
        out.println("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>個人情報ファイル台帳 / Personal-data file register</title>");
        out.println("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px}</style></head><body>");
        out.println("<h1>個人情報ファイル台帳 / Personal-data file register</h1><p>" + entries.size() + " files</p>");
        out.println("<table><tr><th>path</th><th>severity</th><th>records</th><th>types</th><th>last scanned</th><th>state</th></tr>");
        for (Entry e : entries) {
            out.println("<tr><td>" + esc(e.path()) + "</td><td>" + e.severity() + "</td><td>" + e.records() + "</td><td>"
                    + esc(TypeCounts.text(e.types())) + "</td><td>" + e.scanned() + "</td><td>" + esc(e.state()) + "</td></tr>");
        }
        out.println("</table></body></html>");
    }

    private static String esc(String s) {
        return dev.mamori.output.SafeText.html(s);
    }
}
