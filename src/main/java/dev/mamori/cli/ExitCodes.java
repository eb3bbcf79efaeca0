package dev.mamori.cli;

/** The exit codes of every subcommand. */
final class ExitCodes {
    /** Nothing sensitive found (or the command succeeded). */
    static final int CLEAN = 0;
    /** Sensitive content found. */
    static final int SENSITIVE = 1;
    /** Bad usage, bad configuration or a fatal error. */
    static final int FATAL = 2;
    /** {@code impact}: nothing (or not everything) could be read, so the report criteria cannot be judged. */
    static final int CANNOT_JUDGE = 3;
    /**
     * {@code scan}: nothing sensitive found, but not every document could be read completely (an
     * uninspectable verdict under a policy that gives it severity none). The same code as
     * {@link #CANNOT_JUDGE}: what was not read cannot be called clean.
     */
    static final int NOT_ALL_INSPECTED = CANNOT_JUDGE;

    private ExitCodes() {
    }
}
