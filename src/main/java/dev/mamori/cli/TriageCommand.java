package dev.mamori.cli;

import dev.mamori.agent.Agent;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Triage;
import dev.mamori.platform.ProcessUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori alerts ack|dismiss|escalate ID --note ...}: an auditor's decision, recorded in the chain. */
abstract class TriageCommand implements Callable<Integer> {

    @Mixin
    AgentOptions options;

    @Parameters(paramLabel = "ID", description = "Alert id (event.id; see 'mamori alerts search --format jsonl').")
    String id;

    @Option(names = "--note", required = true, description = "Why (recorded with the time and your user name, as the operating system knows you).")
    String note;

    abstract String action();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = QuarantineCommand.stdout();
        PrintWriter err = QuarantineCommand.stderr();
        Path store = options.alertStore(err, "alerts " + action());
        if (store == null) {
            return ExitCodes.FATAL;
        }
        if (!AlertStore.contains(store, id)) {
            err.println("mamori alerts " + action() + ": no alert with id " + id);
            return ExitCodes.FATAL;
        }
        Triage t = new Triage(id, action(), note, ProcessUser.current().describe(), Instant.now());
        out.println(action() + (record(store, t) ? " recorded for " : " handed to the running agent for ") + id);
        if (action().equals("dismiss")) {
            proposeExclusion(store, out);
        }
        return ExitCodes.CLEAN;
    }

    /**
     * Records a decision in the alert store's chain; while an agent holds the store, hands it to
     * the agent's inbox instead. Returns whether it was recorded here and now.
     */
    static boolean record(Path store, Triage t) throws IOException {
        try (AlertStore direct = new AlertStore(store)) {
            direct.triage(t);
            return true;
        } catch (LockObtainFailedException running) {
            Triage.request(store.resolveSibling(Agent.TRIAGE_INBOX), t);
            return false;
        }
    }

    /** A dismissal as a false positive: what an admin could add to a rule pack so it does not happen again. */
    private void proposeExclusion(Path store, PrintWriter out) throws IOException {
        List<Alert> found = AlertStore.searchReadOnly(store, "id:\"" + id.replace("\"", "") + "\"", 1);
        if (found.isEmpty()) {
            return;
        }
        Alert a = found.get(0);
        out.println("If this is a false positive, an admin can add to a rule pack (then run 'mamori rules check'):");
        out.println("exclusions:");
        out.println("  paths: ['" + a.path().replace("'", "''") + "']");
        out.println("  # or, if the rule itself misfires: disable-rules: " + a.rules());
    }

    @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge an alert.")
    static final class Ack extends TriageCommand {
        @Override
        String action() {
            return "ack";
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss an alert (e.g. as a false positive); proposes an exclusion.")
    static final class Dismiss extends TriageCommand {
        @Override
        String action() {
            return "dismiss";
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true, description = "Escalate an alert.")
    static final class Escalate extends TriageCommand {
        @Override
        String action() {
            return "escalate";
        }
    }
}
