package dev.mamori.cli;

import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import dev.mamori.alert.ChainKey;
import org.apache.lucene.index.IndexNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the alert trail's hash chain and report the first record that was changed, removed or inserted.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the chain holds (checked with its key)",
                "1:BROKEN: a record was changed, removed, inserted, recomputed without the key, or the store is damaged",
                "2:no alert store, or bad usage",
                "3:UNVERIFIED: the chain key cannot be read here, so only numbering and links were checked"})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    AgentOptions options;

    @Option(names = "--head", paramLabel = "SEQ:HASH",
            description = "A chain head kept outside (from the log or syslog): it must be in the chain.")
    String head;

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
        return ExitCodes.CLEAN;
    }
}
