package dev.mamori.cli;

/** Runs {@code mamori} in this JVM and returns its standard output, for tests outside this package. */
public final class MainRun {

    private MainRun() {
    }

    public static String out(String... args) {
        ScanCommandTest.Run run = ScanCommandTest.mamori(args);
        if (run.exit() != 0) {
            throw new AssertionError("mamori " + String.join(" ", args) + " exited " + run.exit() + ": " + run.err());
        }
        return run.out();
    }
}
