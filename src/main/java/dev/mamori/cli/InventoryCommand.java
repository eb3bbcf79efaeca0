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
                + "found holding personal data, with its types, records, severity and when it was last scanned. "
                + "With --store (a collector's), the fleet's register: every host's files as their newest alerts "
                + "judged them, narrowed by --host or --department.")
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

    @Mixin
    FleetFilter fleet;

    /**
     * One line of the register.
     *
     * @param state {@code present}, or {@code quarantined <id> <time>}: a quarantined file's contents
     *              are still held (in the quarantine), so it stays in the register
     */
    record Entry(String host, String path, String severity, int records, Map<String, Integer> types, String scanned,
                 String state) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = QuarantineCommand.stderr();
        if (options.store != null) {
            return fleetRegister(err);
        }
        AgentConfig config = options.load(err);
        if (config == null) {
            return ExitCodes.FATAL;
        }
        if (!fleet.hosts.isEmpty() || !fleet.departments.isEmpty()) {
            err.println("mamori inventory: --host and --department choose hosts in a collector's store (--store DIR)");
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
            entries.add(new Entry(null, f.path(), f.severity(), records, types, f.scannedAt().toString(), "present"));
        }
        entries.addAll(quarantined(config.dataDir(), entries));
        entries.sort(java.util.Comparator.comparing(Entry::path));
        write(entries, false);
        return ExitCodes.CLEAN;
    }

    /**
     * The register of a collector's store: per host and file, the newest judging its alerts record
     * (the alerts of that content under those packs, added up), read a page at a time.
     */
    private int fleetRegister(PrintWriter err) throws IOException {
        Path store = options.alertStore(err, "inventory");
        String query = store == null ? null : fleet.narrow("*:*", err, "inventory");
        if (query == null) {
            return ExitCodes.FATAL;
        }
        record Judging(String sha256, List<String> packs, java.time.Instant time, String state, java.util.Set<String> ids) {
        }
        Map<String, Judging> newest = new java.util.HashMap<>(); // what a file's newest alert judged, not the alert
        Map<String, Entry> entries = new TreeMap<>();
        AlertStore.forEachReadOnly(store, query, a -> {
            if (a.isHealth()) {
                return;
            }
            String key = a.host() + "\u0000" + a.containerPath();
            Judging judging = newest.computeIfAbsent(key, k -> new Judging(a.sha256(), a.packs(), a.time(),
                    a.action() == dev.mamori.alert.AlertAction.QUARANTINE ? "quarantined " + a.quarantineId() + " " + a.time()
                            : "present", new java.util.HashSet<>()));
            if (!(a.sha256().equals(judging.sha256()) && a.packs().equals(judging.packs())) || !judging.ids().add(a.id())) {
                return; // an older judging of this file (the newest stands), or the same alert again
            }
            Entry was = entries.get(key);
            Map<String, Integer> types = new TreeMap<>(was == null ? Map.of() : was.types());
            a.counts().forEach((t, n) -> types.merge(t, n, Integer::sum));
            entries.put(key, new Entry(a.host(), a.containerPath(),
                    worse(was == null ? "none" : was.severity(), a.severity().label()),
                    (was == null ? 0 : was.records()) + a.records(), types, judging.time().toString(), judging.state()));
        });
        write(new java.util.ArrayList<>(entries.values()), true);
        return ExitCodes.CLEAN;
    }

    private void write(List<Entry> entries, boolean withHosts) throws IOException {
        try (OutputStream stream = output == null ? System.out : Files.newOutputStream(output);
             PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            switch (format) {
                case csv -> csv(entries, out, withHosts);
                case json -> json(entries, out, withHosts);
                case html -> html(entries, out, withHosts);
            }
            out.flush();
        }
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
            out.add(new Entry(null, q.original(), severity, records, types, q.time().toString(),
                    "quarantined " + q.id() + " " + q.time()));
        }
        return out;
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("none", "low", "medium", "high");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static void csv(List<Entry> entries, PrintWriter out, boolean withHosts) throws IOException {
        List<String> header = new java.util.ArrayList<>(List.of("path", "severity", "records", "types", "last_scanned", "state"));
        if (withHosts) {
            header.add(0, "host");
        }
        try (SafeCsv csv = SafeCsv.forExcel(out, header.toArray(String[]::new))) {
            for (Entry e : entries) {
                List<Object> row = new java.util.ArrayList<>(List.of(e.path(), e.severity(), e.records(),
                        TypeCounts.text(e.types()), e.scanned(), e.state()));
                if (withHosts) {
                    row.add(0, e.host());
                }
                csv.row(row.toArray());
            }
        }
    }

    private static void json(List<Entry> entries, PrintWriter out, boolean withHosts) {
        ArrayNode array = ResultJson.JSON.createArrayNode();
        for (Entry e : entries) {
            ObjectNode o = array.addObject();
            if (withHosts) {
                o.put("host", e.host());
            }
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

    private static void html(List<Entry> entries, PrintWriter out, boolean withHosts) {
        out.println("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>個人情報ファイル台帳 / Personal-data file register</title>");
        out.println("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px}</style></head><body>");
        out.println("<h1>個人情報ファイル台帳 / Personal-data file register</h1><p>" + entries.size() + " files</p>");
        out.println("<table><tr>" + (withHosts ? "<th>host</th>" : "") + "<th>path</th><th>severity</th><th>records</th><th>types</th><th>last scanned</th><th>state</th></tr>");
        for (Entry e : entries) {
            out.println("<tr>" + (withHosts ? "<td>" + esc(e.host()) + "</td>" : "") + "<td>" + esc(e.path()) + "</td><td>" + e.severity() + "</td><td>" + e.records() + "</td><td>"
                    + esc(TypeCounts.text(e.types())) + "</td><td>" + e.scanned() + "</td><td>" + esc(e.state()) + "</td></tr>");
        }
        out.println("</table></body></html>");
    }

    private static String esc(String s) {
        return dev.mamori.output.SafeText.html(s);
    }
}
