package dev.mamori.cli;

import dev.mamori.agent.AgentConfig;
import dev.mamori.output.SafeText;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.quarantine.QuarantineRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List quarantined files, or restore one byte for byte to where it was.",
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
                        r.restored() == null ? "" : "  (restored " + r.restored() + ")", r.reason()));
            }
            out.flush();
            return ExitCodes.CLEAN;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a quarantined file by its id.")
    static final class RestoreCommand implements Callable<Integer> {
        @Mixin
        AgentOptions options;

        @Parameters(paramLabel = "ID", description = "Quarantine id (see 'mamori quarantine list').")
        String id;

        @Override
        public Integer call() {
            PrintWriter err = stderr();
            Quarantine q = open(options, err);
            if (q == null) {
                return ExitCodes.FATAL;
            }
            try {
                QuarantineRecord r = q.restore(id);
                stdout().println("restored " + SafeText.of(r.original()));
                return ExitCodes.CLEAN;
            } catch (IOException e) {
                err.println("mamori quarantine restore: " + SafeText.of(e.getMessage()));
                return ExitCodes.FATAL;
            }
        }
    }
}
