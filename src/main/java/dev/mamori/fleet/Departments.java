package dev.mamori.fleet;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which department each host belongs to, from a CSV the organisation keeps ({@code host,department},
 * UTF-8, one host per line, an optional header, {@code #} comments): kept by the auditors beside
 * the collector rather than in each laptop's config, since laptops move between departments and
 * the assignment must be the same for every alert of a host. A host not listed is in
 * {@link #UNASSIGNED}.
 */
public final class Departments {

    /** The department of a host the file does not list. */
    public static final String UNASSIGNED = "-";

    private final Map<String, String> byHost;

    private Departments(Map<String, String> byHost) {
        this.byHost = Collections.unmodifiableMap(new TreeMap<>(byHost));
    }

    /** No file: every host unassigned. */
    public static Departments none() {
        return new Departments(Map.of());
    }

    /** @throws IOException naming the file and line of each problem (all of them, not only the first) */
    public static Departments read(Path csv) throws IOException {
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(csv))).toString()
                    .replace("\uFEFF", "").lines().toList();
        } catch (CharacterCodingException e) {
            throw new IOException(csv + ": not UTF-8 (save it as UTF-8, as Excel's \"CSV UTF-8\" does)");
        }
        Map<String, String> byHost = new TreeMap<>();
        Map<String, Integer> lineOf = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || i == 0 && line.equalsIgnoreCase("host,department")) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = csv + ":" + (i + 1) + ": ";
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                problems.add(where + "expected 'host,department', not '" + dev.mamori.output.SafeText.of(line) + "'");
                continue;
            }
            String host = f[0].strip();
            String dept = f[1].strip();
            String before = byHost.putIfAbsent(host, dept);
            if (before != null && !before.equals(dept)) {
                problems.add(where + "host '" + host + "' is already in '" + before + "' (line " + lineOf.get(host) + ")");
            }
            lineOf.putIfAbsent(host, i + 1);
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("\n", problems));
        }
        return new Departments(byHost);
    }

    public String of(String host) {
        return byHost.getOrDefault(host, UNASSIGNED);
    }

    /** The hosts the file puts in {@code department}, sorted. */
    public List<String> hostsIn(String department) {
        return byHost.entrySet().stream().filter(e -> e.getValue().equals(department)).map(Map.Entry::getKey).toList();
    }

    /** Every department the file names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(byHost.values()));
    }
}
