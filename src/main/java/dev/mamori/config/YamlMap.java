package dev.mamori.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, located access to one YAML mapping. Every wrong type, missing key, duplicate key or
 * unknown key becomes a {@link ConfigProblem} naming the file, line and column; getters then
 * return the default so that loading can go on and report everything at once.
 */
public final class YamlMap {

    private final String file;
    private final Node node;
    private final List<ConfigProblem> problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(String file, Node node, List<ConfigProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null) {
                    problem(tuple.getKeyNode(), "keys must be plain words");
                } else if (entries.containsKey(key)) {
                    problem(tuple.getKeyNode(), "duplicate key '" + key + "'");
                } else {
                    entries.put(key, tuple);
                }
            }
        }
    }

    /** Reads {@code node} as a mapping; reports a problem (and returns an empty map) if it is not one. */
    public static YamlMap of(String file, Node node, List<ConfigProblem> problems, String what) {
        if (node != null && !(node instanceof MappingNode)) {
            problems.add(at(file, node.getStartMark(), what + " must be a mapping (key: value lines)"));
        }
        return new YamlMap(file, node, problems);
    }

    public static ConfigProblem at(String file, Mark mark, String message) {
        return ConfigProblem.error(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, message);
    }

    public String file() {
        return file;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public void problem(Node at, String message) {
        problems.add(at(file, at == null ? null : at.getStartMark(), message));
    }

    /** A problem with the value of {@code key}: located at the value (or at the mapping when absent). */
    public void problem(String key, String message) {
        problem(entries.containsKey(key) ? entries.get(key).getValueNode() : node, message);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Collection<String> keys() {
        return entries.keySet();
    }

    public Node node(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Line (1-based) of the whole mapping. */
    public int line() {
        return node == null ? 1 : node.getStartMark().getLine() + 1;
    }

    public Node self() {
        return node;
    }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    public void allowOnly(Collection<String> allowed, String what) {
        for (var e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String suggestion = Suggest.closest(e.getKey(), allowed);
                problem(e.getValue().getKeyNode(), what + ": unknown key '" + e.getKey() + "'"
                        + (suggestion == null ? " (known: " + String.join(", ", allowed) + ")" : " (did you mean '" + suggestion + "'?)"));
            }
        }
    }

    public String string(String key, String dflt) {
        Node n = node(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        problem(n, "'" + key + "' must be a single value");
        return dflt;
    }

    public String required(String key, String what) {
        String v = string(key, null);
        if (v == null || v.isBlank()) {
            if (!has(key)) {
                problem(node, what + ": missing '" + key + "'");
            } else {
                problem(node(key), what + ": '" + key + "' is empty");
            }
            return null;
        }
        return v;
    }

    public int integer(String key, int dflt, int min, int max) {
        String v = string(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                problem(node(key), "'" + key + "' must be between " + min + " and " + max + ", not " + i);
                return dflt;
            }
            return i;
        } catch (NumberFormatException e) {
            problem(node(key), "'" + key + "' must be a whole number, not '" + v + "'");
            return dflt;
        }
    }

    public boolean bool(String key, boolean dflt) {
        String v = string(key, null);
        if (v == null) {
            return dflt;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        problem(node(key), "'" + key + "' must be true or false, not '" + v + "'");
        return dflt;
    }

    /** A list of strings; a single value counts as a list of one. */
    public List<String> strings(String key) {
        Node n = node(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n instanceof ScalarNode s) {
            if (!s.getTag().equals(Tag.NULL)) {
                out.add(s.getValue());
            }
            return out;
        }
        if (n instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s.getValue());
                } else {
                    problem(item, "'" + key + "' items must be single values");
                }
            }
            return out;
        }
        problem(n, "'" + key + "' must be a list");
        return out;
    }

    /** Items of a list, or an empty list (with a problem) if it is not one. */
    public List<Node> items(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(n, "'" + key + "' must be a list");
        return List.of();
    }

    /** A nested mapping, or null when absent. */
    public YamlMap map(String key) {
        Node n = node(key);
        return n == null ? null : of(file, n, problems, "'" + key + "'");
    }

    /** Plain Java values of a mapping's scalars (numbers as Integer, true/false as Boolean, lists of strings). */
    public Map<String, Object> plain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : entries.entrySet()) {
            Node v = e.getValue().getValueNode();
            if (v instanceof ScalarNode s) {
                String text = s.getValue();
                if (text.matches("-?\\d+")) {
                    out.put(e.getKey(), Integer.parseInt(text));
                } else if (text.equals("true") || text.equals("false")) {
                    out.put(e.getKey(), Boolean.parseBoolean(text));
                } else {
                    out.put(e.getKey(), text);
                }
            } else if (v instanceof SequenceNode) {
                out.put(e.getKey(), strings(e.getKey()));
            } else {
                problem(v, "'" + e.getKey() + "' must be a value or a list");
            }
        }
        return out;
    }
}
