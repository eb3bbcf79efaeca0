package dev.mamori.cli;

import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.ChainKey;
import dev.mamori.output.SafeText;
import org.apache.lucene.index.IndexNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the alert trail's hash chain and report the first record that was changed, removed or inserted. "
                + "On a collector's store, --host or --department also reports each chosen host's own chain as the "
                + "collector checked it on arrival: alerts received, last number, newest chain head it sent, and every "
                + "gap, reorder or changed record found.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the chain holds (checked with its key)",
                "1:BROKEN: a record was changed, removed, inserted, recomputed without the key, or the store is damaged; "
                        + "or a chosen host's chain had findings",
                "2:no alert store, or bad usage",
                "3:UNVERIFIED: the chain key cannot be read here, so only numbering and links were checked; "
                        + "or a chosen host never sent an alert to this store"})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    AgentOptions options;

    @Option(names = "--head", paramLabel = "SEQ:HASH",
            description = "A chain head kept outside (from the log or syslog): it must be in the chain.")
    String head;

    @Mixin
    FleetFilter fleet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = QuarantineCommand.stdout();
        PrintWriter err = QuarantineCommand.stderr();
        Path store = options.alertStore(err, "verify");
        if (store == null) {
            return ExitCodes.FATAL;
        }
        if (head != null && !head.matches("\\d+:[0-9a-f]{64}")) {
            err.println("mamori verify: --head must look like 42:<64 hex digits>");
            return ExitCodes.FATAL;
        }
        ChainKey.Lookup key = ChainKey.lookup(store);
        ChainHash.Verification v;
        try {
            v = AlertStore.verify(store, head, key instanceof ChainKey.Lookup.Found f ? f.key() : null);
        } catch (IndexNotFoundException e) {
            err.println("mamori verify: " + store + ": no alert store there");
            return ExitCodes.FATAL;
        }
        if (!v.ok()) {
            out.println("BROKEN after " + v.records() + " good record(s): " + v.problem());
            return ExitCodes.SENSITIVE;
        }
        if (key instanceof ChainKey.Lookup.Unavailable u) {
            // an unkeyed check is no pass: whoever can write the store can recompute plain hashes
            out.println("UNVERIFIED: chain key " + u.file() + " cannot be read (" + u.reason() + "); " + v.records()
                    + " record(s) are numbered and linked, head " + v.head() + ", but their content is not checked");
            return ExitCodes.CANNOT_JUDGE;
        }
        out.println("OK: " + v.records() + " record(s), head " + v.head() + " (keyed chain)");
        return hosts(store, out, err);
    }

    /** Each chosen host's chain as the collector checked it; CLEAN when there is no host filter. */
    private int hosts(Path store, PrintWriter out, PrintWriter err) throws IOException {
        var chosen = fleet.chosenHosts(err, "verify");
        if (chosen == null) {
            return ExitCodes.FATAL;
        }
        var ledger = dev.mamori.fleet.HostLedger.of(store).hosts();
        int exit = ExitCodes.CLEAN;
        String findingRule = dev.mamori.alert.HealthProblem.SEQUENCE_BROKEN.ruleId();
        for (String host : chosen) {
            var h = ledger.get(host);
            List<dev.mamori.alert.Alert> findings = AlertStore.searchReadOnly(store,
                    FleetFilter.hostTerm(host) + " AND rule:\"" + findingRule + "\"", 1_000);
            if (h == null) {
                out.println(SafeText.of("host " + host + ": UNKNOWN: no alert from it in this store"));
                exit = Math.max(exit, ExitCodes.CANNOT_JUDGE);
                continue;
            }
            String summary = "host " + host + ": " + h.alerts() + " alert(s) received, last number " + h.lastSeq()
                    + ", last heard of " + h.lastSeen() + ", chain head " + (h.chainHead() == null ? "not sent yet" : h.chainHead());
            if (findings.isEmpty()) {
                out.println(SafeText.of("OK " + summary + ", no finding"));
            } else {
                out.println(SafeText.of("BROKEN " + summary + ", " + findings.size() + " finding(s):"));
                for (var f : findings) {
                    out.println(SafeText.of("  " + f.time() + " " + String.join("; ", f.samples())));
                }
                exit = ExitCodes.SENSITIVE;
            }
        }
        return exit;
    }
}
