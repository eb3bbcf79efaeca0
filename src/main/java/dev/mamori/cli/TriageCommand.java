package dev.mamori.cli;

import dev.mamori.agent.Agent;
import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Triage;
import dev.mamori.alert.TriageAction;
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

    abstract TriageAction action();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = QuarantineCommand.stdout();
        PrintWriter err = QuarantineCommand.stderr();
        Path store = options.alertStore(err, "alerts " + action().label());
        if (store == null) {
            return ExitCodes.FATAL;
        }
        if (!AlertStore.contains(store, id)) {
            err.println("mamori alerts " + action().label() + ": no alert with id " + id);
            return ExitCodes.FATAL;
        }
        ProcessUser by = ProcessUser.current();
        Triage t = new Triage(id, action(), note, by.describe(), Instant.now());
        out.println(action().label() + " " + record(store, t, by) + " for " + id);
        if (action() == TriageAction.DISMISS) {
            proposeExclusion(store, out);
        }
        return ExitCodes.CLEAN;
    }

    /**
     * Records a decision in the alert store's chain and says how: directly when this user owns the
     * store and no agent holds it; else through the agent's inbox (recorded by the running agent,
     * or at its next start), so that root never leaves files in a store the agent cannot open.
     */
    static String record(Path store, Triage t, ProcessUser by) throws IOException {
        Path inbox = store.resolveSibling(Agent.TRIAGE_INBOX);
        if (ownedBy(store, by)) {
            try (AlertStore direct = new AlertStore(store)) {
                direct.triage(t);
                return "recorded";
            } catch (LockObtainFailedException running) {
                Triage.request(inbox, t, by.sudoUser());
                return "handed to the running agent";
            }
        }
        Triage.request(inbox, t, by.sudoUser());
        return "handed to the agent (its store is not " + by.name() + "'s): recorded when it runs";
    }

    private static boolean ownedBy(Path store, ProcessUser by) throws IOException {
        long owner = ProcessUser.uidOf(store);
        return by.uid() < 0 || owner < 0 || owner == by.uid();
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
        TriageAction action() {
            return TriageAction.ACK;
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss an alert (e.g. as a false positive); proposes an exclusion.")
    static final class Dismiss extends TriageCommand {
        @Override
        TriageAction action() {
            return TriageAction.DISMISS;
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true, description = "Escalate an alert.")
    static final class Escalate extends TriageCommand {
        @Override
        TriageAction action() {
            return TriageAction.ESCALATE;
        }
    }
}
