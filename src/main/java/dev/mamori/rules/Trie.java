package dev.mamori.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Builds a regex alternation of literal words factored by common prefixes. */
final class Trie {

    private final Map<Character, Trie> children = new TreeMap<>();
    private boolean terminal;

    private Trie() {
    }

    /** A non-capturing group matching exactly the given words (longest first where one is a prefix of another). */
    static String regex(List<String> words) {
        Trie root = new Trie();
        for (String w : words) {
            Trie node = root;
            for (char c : w.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Trie());
            }
            node.terminal = true;
        }
        StringBuilder b = new StringBuilder("(?:");
        root.appendChildren(b);
        return b.append(')').toString();
    }

    private void appendChildren(StringBuilder b) {
        boolean first = true;
        for (var e : children.entrySet()) {
            if (!first) {
                b.append('|');
            }
            first = false;
            b.append(quote(e.getKey()));
            Trie child = e.getValue();
            if (!child.children.isEmpty()) {
                // longer continuations first, then the word may end here
                b.append("(?:");
                child.appendChildren(b);
                b.append(')');
                if (child.terminal) {
                    b.append('?');
                }
            }
        }
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c));
    }
}
