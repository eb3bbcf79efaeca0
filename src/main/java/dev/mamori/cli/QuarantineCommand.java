package dev.mamori.cli;

import dev.mamori.agent.AgentConfig;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Triage;
import dev.mamori.platform.ExitPoints;
import dev.mamori.platform.ProcessUser;
import dev.mamori.output.SafeText;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.quarantine.QuarantineRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List quarantined files, or give one back to where it was (an audited decision).",
        subcommands = {QuarantineCommand.ListCommand.class, QuarantineCommand.RestoreCommand.class})
final class QuarantineCommand {

    static Quarantine open(AgentOptions options, PrintWriter err) {
        AgentConfig config = options.load(err);
        return config == null ? null : new Quarantine(config.dataDir().resolve("quarantine"), Clock.systemUTC());
    }

    static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    static PrintWriter stderr() {
        return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List quarantined files.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        AgentOptions options;

        @Override
        public Integer call() throws IOException {
            Quarantine q = open(options, stderr());
            if (q == null) {
                return ExitCodes.FATAL;
            }
            PrintWriter out = stdout();
            for (QuarantineRecord r : q.list()) {
                out.print(SafeText.format("%s  %s  %s%s%n    %s%n", r.id(), r.time(), r.original(),
                        r.restored() == null ? "" : "  (restored " + r.restored() + " by " + r.restoredBy() + ")", r.reason()));
            }
            out.flush();
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Give a quarantined file back: an admin's decision, recorded in the audit trail.",
                    "The file returns where it was, byte for byte, with its mode (and, as root, its owner); nothing"
                            + " there is replaced and no folder is created. That content at that path is not quarantined"
                            + " again, even while the agent runs."})
    static final class RestoreCommand implements Callable<Integer> {
        @Mixin
        AgentOptions options;

        @Parameters(paramLabel = "ID", description = "Quarantine id (see 'mamori quarantine list').")
        String id;

        @Option(names = "--note", required = true, paramLabel = "WHY",
                description = "Why it may leave (recorded with the time and your user name, as the operating system knows you).")
        String note;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = stderr();
            AgentConfig config = options.load(err);
            if (config == null) {
                return ExitCodes.FATAL;
            }
            Quarantine q = new Quarantine(config.dataDir().resolve("quarantine"), Clock.systemUTC());
            ProcessUser by = ProcessUser.current();
            QuarantineRecord r;
            try {
                r = q.restore(id, by, note, watchedPlaces(config));
            } catch (IOException e) {
                err.println("mamori quarantine restore: " + SafeText.of(e.getMessage()));
                return ExitCodes.FATAL;
            }
            PrintWriter out = stdout();
            out.println("restored " + SafeText.of(r.original()));
            Path store = config.dataDir().resolve("alerts");
            if (!Files.isDirectory(store)) {
                err.println("mamori quarantine restore: no alert store in " + SafeText.of(config.dataDir().toString())
                        + "; the decision is kept in the quarantine record only");
                return ExitCodes.CLEAN;
            }
            List<Alert> alert = AlertStore.searchReadOnly(store, "quarantine:\"" + id + "\"", 1);
            String alertId = alert.isEmpty() ? "quarantine:" + id : alert.get(0).id();
            Triage decision = new Triage(alertId, dev.mamori.alert.TriageAction.RESTORE, "quarantine " + id + ": " + note, r.restoredBy(), r.restored());
            out.println("restore " + TriageCommand.record(store, decision, by) + " (the audit trail)");
            return ExitCodes.CLEAN;
        }
    }

    /**
     * Whether a path lies in a place the agent watches under this config: a restore puts files
     * back only there, whatever a record says.
     */
    static Predicate<Path> watchedPlaces(AgentConfig config) {
        List<Path> roots = new ArrayList<>(config.watch().paths());
        roots.addAll(config.watch().outboxes());
        ExitPoints exitPoints = ExitPoints.forThisMachine().withMountParents(config.watch().mountParents());
        if (config.watch().cloudSync()) {
            roots.addAll(exitPoints.cloudSyncRoots());
        }
        if (config.watch().removableMedia()) {
            roots.addAll(exitPoints.mountParents());
            roots.addAll(exitPoints.removableRoots());
        }
        List<Path> absolute = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        return path -> absolute.stream().anyMatch(root -> path.startsWith(root) && !path.equals(root));
    }
}
