package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;
import dev.mamori.config.YamlMap;
import dev.mamori.detect.Canonical;
import dev.mamori.detect.ValueExclusions;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The {@code exclusions} of every pack, gathered: values never reported (by type or for any type),
 * path globs never scanned, rules turned off. Problems are collected with their location.
 */
final class PackExclusions {

    private final List<ConfigProblem> problems;
    private final Map<String, Set<String>> excludedValues = new HashMap<>();
    private final List<String> pathGlobs = new ArrayList<>();
    private final Map<String, YamlMap> disabled = new LinkedHashMap<>();

    PackExclusions(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    void add(YamlMap ex) {
        ex.allowOnly(RuleSetLoader.EXCLUSION_KEYS, "exclusions");
        for (Node item : ex.items("values")) {
            if (item instanceof ScalarNode s) {
                excludedValues.computeIfAbsent(ValueExclusions.ANY_TYPE, k -> new HashSet<>()).add(Canonical.of(s.getValue()));
            } else {
                YamlMap m = YamlMap.of(ex.file(), item, problems, "excluded value");
                m.allowOnly(List.of("type", "value", "reason"), "excluded value");
                String value = m.required("value", "excluded value");
                String type = m.string("type", ValueExclusions.ANY_TYPE);
                if (value != null) {
                    excludedValues.computeIfAbsent(type, k -> new HashSet<>()).add(Canonical.of(value));
                }
            }
        }
        for (String glob : ex.strings("paths")) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
                pathGlobs.add(glob);
            } catch (IllegalArgumentException e) {
                ex.problem("paths", "exclusions: bad path glob '" + glob + "': " + e.getMessage());
            }
        }
        for (String id : ex.strings("disable-rules")) {
            disabled.put(id, ex);
        }
    }

    /** Rules turned off, each with the exclusions that named it (for a located problem if it is unknown). */
    Map<String, YamlMap> disabled() {
        return disabled;
    }

    List<String> pathGlobs() {
        return List.copyOf(pathGlobs);
    }

    ValueExclusions values() {
        Map<String, Set<String>> values = new HashMap<>();
        excludedValues.forEach((k, v) -> values.put(k, Set.copyOf(v)));
        return new ValueExclusions(values);
    }
}
