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

    private ExitCodes() {
    }
}
