package dev.mamori.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.AgentStatus;
import dev.mamori.output.SafeText;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show what the running agent is doing: each place watched and its kind, queue, files scanned, "
                + "alerts, sinks, current problems (until fixed), the last file that could not be judged.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:the agent is running", "1:the agent is not running",
                "2:no status (never started here, or unreadable)"})
final class StatusCommand implements Callable<Integer> {

    @Mixin
    AgentOptions options;

    @Option(names = "--json", description = "Print the raw status JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        AgentConfig config = options.load(err);
        if (config == null) {
            return ExitCodes.FATAL;
        }
        String text;
        try {
            text = AgentStatus.read(config.dataDir());
        } catch (IOException e) {
            err.println("mamori status: no agent status in " + config.dataDir() + " (" + e.getMessage() + ")");
            return ExitCodes.FATAL;
        }
        JsonNode s;
        try {
            s = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            err.println("mamori status: unreadable status file: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        boolean alive = "running".equals(s.path("state").asText())
                && ProcessHandle.of(s.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
        if (json) {
            out.println(text);
        } else {
            out.printf("agent: %s (pid %d), status of %s%n", alive ? "running" : "not running", s.path("pid").asLong(),
                    s.path("updated").asText());
            out.printf("places watched: %d   queue: %d%n", s.path("places").size(), s.path("queue").asLong());
            java.util.List<String> packs = new java.util.ArrayList<>();
            s.path("rulePacks").forEach(p -> packs.add(p.asText()));
            out.print(SafeText.format("rule packs: %s%n", packs.isEmpty() ? "-" : String.join(", ", packs)));
            for (JsonNode place : s.path("places")) {
                out.print(SafeText.format("  %-10s %s%n", place.path("kind").asText(), place.path("path").asText()));
            }
            out.printf("files scanned: %d (extracted %d, same content as a known file %d, unchanged %d, skipped %d, "
                            + "gone before scan %d)%n", s.path("scanned").asLong(), s.path("extracted").asLong(),
                    s.path("reusedByHash").asLong(), s.path("unchanged").asLong(), s.path("skipped").asLong(),
                    s.path("vanished").asLong() + s.path("deletedBeforeScan").asLong());
            out.printf("judged under older rule packs, to judge again: %d%n", s.path("rejudgePending").asLong());
            out.printf("alerts: %d   quarantined: %d   poison files (not judged): %d%n", s.path("alerts").asLong(),
                    s.path("quarantined").asLong(), s.path("poisoned").asLong());
            for (JsonNode sink : s.path("sinks")) {
                out.print(SafeText.format("sink %-8s backlog %d%s%s%n", sink.path("name").asText(), sink.path("backlog").asLong(),
                        sink.path("dropped").asLong() > 0 ? ", passed over (spool full) " + sink.path("dropped").asLong() : "",
                        sink.hasNonNull("error") ? ", DOWN: " + sink.path("error").asText() : ""));
            }
            for (JsonNode p : s.path("problems")) {
                out.print(SafeText.format("PROBLEM since %s: %s%n", p.path("since").asText(), p.path("message").asText()));
            }
            if (s.path("problems").isEmpty()) {
                out.println("problems: none");
            }
            if (s.has("lastError")) {
                out.print(SafeText.format("last file not judged (%s): %s%n", s.path("lastErrorAt").asText(),
                        s.path("lastError").asText()));
            }
            out.flush();
        }
        return alive ? ExitCodes.CLEAN : ExitCodes.SENSITIVE;
    }
}
