package dev.mamori.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The agent's JSON Lines sink as tests read it: the alerts so far, and waits (Awaitility, so a
 * time-out names what was awaited) for a number of them, for one alert, or for alerts on every file.
 */
public final class JsonlAlerts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlAlerts() {
    }

    /** Every alert in the file so far, in order; none when it does not exist yet. */
    public static List<JsonNode> read(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (Files.exists(jsonl)) {
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** Waits until the file holds at least {@code count} alerts and returns them all. */
    public static List<JsonNode> awaitCount(Path jsonl, int count, Duration atMost) {
        return await(count + " alerts in " + jsonl).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> read(jsonl), alerts -> alerts.size() >= count);
    }

    /** Waits for the first alert that matches and returns it. */
    public static JsonNode awaitOne(Path jsonl, Predicate<JsonNode> what, String description, Duration atMost) {
        return await("an alert: " + description).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> read(jsonl).stream().filter(what).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** The names of the files alerted on so far (at-least-once delivery: a file may have two alerts). */
    public static Set<String> alertedFileNames(Path jsonl) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode a : read(jsonl)) {
            names.add(Path.of(a.path("file").path("path").asText()).getFileName().toString());
        }
        return names;
    }

    /** Waits until at least {@code files} different files have alerts and returns their names. */
    public static Set<String> awaitAlertedFiles(Path jsonl, int files, Duration atMost) {
        return await("alerts on " + files + " files in " + jsonl).atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> alertedFileNames(jsonl), names -> names.size() >= files);
    }
}
