package dev.mamori.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code mamori ARGS} as a separate JVM on the test class path, as a service manager would. */
public final class MamoriProcess {

    private MamoriProcess() {
    }

    /** Starts it with standard output and error going to {@code log}. */
    public static Process start(Path log, String... args) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The process builder, for callers that read the output themselves. */
    public static ProcessBuilder builder(String... args) {
        return builder(List.of(), args);
    }

    /** With JVM options first ({@code -Xmx256m}, as the service units give the agent). */
    public static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.mamori.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }
}
