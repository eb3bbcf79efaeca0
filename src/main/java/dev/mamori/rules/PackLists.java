package dev.mamori.rules;

import dev.mamori.config.Suggest;
import dev.mamori.config.YamlMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Named vocabularies ({@code prefecture}, {@code name-label}) that patterns and keyword lists use. */
final class PackLists {
    private final Map<String, List<String>> lists = new HashMap<>();

    void define(String name, List<String> items, YamlMap where, String key) {
        if (lists.containsKey(name)) {
            where.problem(key, "list '" + name + "' is defined twice");
        }
        lists.put(name, List.copyOf(items));
    }

    /**
     * Replaces {@code ${name}} in a regex by an alternation of the quoted items, factored as a
     * trie ({@code 東京都|東大阪市} → {@code 東(?:京都|大阪市)}) so that the regex engine rejects a
     * position after one character instead of trying every item.
     */
    String expandRegex(String regex, YamlMap where, Node at) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            int open = regex.indexOf("${", i);
            if (open < 0) {
                out.append(regex, i, regex.length());
                break;
            }
            int close = regex.indexOf('}', open);
            if (close < 0) {
                out.append(regex, i, regex.length());
                break;
            }
            String name = regex.substring(open + 2, close);
            List<String> items = lists.get(name);
            out.append(regex, i, open);
            if (items == null) {
                where.problem(at, "unknown list '${" + name + "}'" + hint(name));
                out.append("(?:)");
            } else {
                out.append(Trie.regex(items));
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** Expands items that are exactly {@code ${name}} into the list's items. */
    List<String> expandItems(List<String> items, YamlMap where, String key) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith("${") && item.endsWith("}")) {
                String name = item.substring(2, item.length() - 1);
                List<String> list = lists.get(name);
                if (list == null) {
                    where.problem(where.node(key), "unknown list '" + item + "'" + hint(name));
                } else {
                    out.addAll(list);
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private String hint(String name) {
        String s = Suggest.closest(name, lists.keySet());
        return s == null ? "" : " (did you mean '${" + s + "}'?)";
    }
}
