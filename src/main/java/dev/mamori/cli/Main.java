package dev.mamori.cli;

import picocli.CommandLine;

/** Entry point of the {@code mamori} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new MamoriCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> ExitCodes.FATAL)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // one line for the user, never a stack trace
                    cmd.getErr().println("mamori " + cmd.getCommandName() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
                    return ExitCodes.FATAL;
                })
                .execute(args);
    }
}
