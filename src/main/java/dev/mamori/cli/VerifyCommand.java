package dev.mamori.cli;

import dev.mamori.alert.AlertStore;
import dev.mamori.alert.ChainHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the alert trail's hash chain and report the first record that was changed, removed or inserted.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the chain holds", "1:the chain is broken", "2:no alert store"})
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
        ChainHash.Verification v = AlertStore.verify(store, head);
        if (!v.ok()) {
            out.println("BROKEN after " + v.records() + " good record(s): " + v.problem());
            return ExitCodes.SENSITIVE;
        }
        out.println("OK: " + v.records() + " record(s), head " + v.head());
        return ExitCodes.CLEAN;
    }
}
