package dev.mamori.cli;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertJson;
import dev.mamori.alert.AlertStore;
import dev.mamori.output.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Search the agent's alert store.",
        subcommands = {AlertsCommand.Search.class, TriageCommand.Ack.class, TriageCommand.Dismiss.class,
                TriageCommand.Escalate.class})
final class AlertsCommand {

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Alerts matching a Lucene query, newest first. Fields: type, exit, severity, rule, host, user, "
                    + "action, appi, pack, date (yyyy-mm-dd), time, path, id. Example: "
                    + "'type:JAPAN_INDIVIDUAL_NUMBER AND exit:usb AND severity:high AND date:[2026-11-01 TO 2026-11-30]'")
    static final class Search implements Callable<Integer> {

        enum Format { table, jsonl }

        /** To the second, with the offset: what a person compares with a log line or a calendar. */
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

        @Mixin
        AgentOptions options;

        @Mixin
        FleetFilter fleet;

        @Parameters(paramLabel = "QUERY", defaultValue = "*:*", description = "Lucene query (default: every alert).")
        String query;

        @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table or jsonl (default ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--zone", paramLabel = "ZONE",
                description = "Time zone of the times shown, e.g. Asia/Tokyo (default: this machine's).")
        String zone;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many alerts (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = QuarantineCommand.stdout();
            PrintWriter err = QuarantineCommand.stderr();
            Path store = options.alertStore(err, "alerts");
            if (store == null) {
                return ExitCodes.FATAL;
            }
            ZoneId tz = Zones.parse(zone, err, "alerts search");
            if (tz == null) {
                return ExitCodes.FATAL;
            }
            String narrowed = fleet.narrow(query, err, "alerts search");
            if (narrowed == null) {
                return ExitCodes.FATAL;
            }
            List<Alert> found;
            try {
                found = AlertStore.searchReadOnly(store, narrowed, limit);
            } catch (IllegalArgumentException e) {
                err.println("mamori alerts search: " + SafeText.of(e.getMessage()));
                return ExitCodes.FATAL;
            }
            var triage = AlertStore.triageState(store);
            for (Alert a : found) {
                var t = triage.get(a.id());
                if (format == Format.jsonl) {
                    var json = AlertJson.toJson(a);
                    if (t != null) {
                        json.putObject("triage").put("action", t.action().label()).put("note", t.note()).put("by", t.by())
                                .put("at", t.at().toString());
                    }
                    out.println(json);
                } else {
                    out.print(SafeText.format("%-25s %-6s %-10s %-10s %-9s rec %-5d %s  %s  %s%n",
                            TIME.format(a.time().atZone(tz)), a.severity().label(), a.exitPoint().label(), a.action().label(),
                            t == null ? "open" : t.action().label(), a.records(), a.path(), TypeCounts.text(a.counts()), a.id()));
                }
            }
            if (format == Format.table) {
                out.printf("%d alert(s)%n", found.size());
            }
            return ExitCodes.CLEAN;
        }
    }
}
