package dev.mamori.detect;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ahocorasick.trie.Trie;

/**
 * Every literal that the rules of a pack look for (anchors, context and exclusion keywords,
 * prefilters, terms) in one Aho–Corasick automaton: one pass over a text finds all their
 * occurrences, where one {@code indexOf} loop per literal and rule would read the text hundreds
 * of times. Literals are in {@link ScanText#searchForm search form}. Immutable and thread-safe.
 */
public final class LiteralIndex {

    private final Set<String> literals;
    private final Trie trie;

    public LiteralIndex(Collection<String> literals) {
        this.literals = Set.copyOf(new TreeSet<>(literals.stream().filter(l -> !l.isEmpty()).toList()));
        this.trie = Trie.builder().addKeywords(this.literals).build();
    }

    public boolean covers(String literal) {
        return literals.contains(literal);
    }

    /** Start positions of each literal in {@code lower}, ascending; literals that do not occur map to none. */
    Map<String, int[]> occurrencesIn(String lower) {
        Map<String, Positions> found = new HashMap<>();
        trie.parseText(lower, emit -> {
            found.computeIfAbsent(emit.getKeyword(), k -> new Positions()).add(emit.getStart());
            return true;
        });
        Map<String, int[]> out = new HashMap<>(literals.size() * 2);
        for (String literal : literals) {
            Positions p = found.get(literal);
            out.put(literal, p == null ? NONE : p.toArray());
        }
        return out;
    }

    static final int[] NONE = new int[0];

    /** A growing list of ints; the automaton reports a literal's occurrences in ascending order. */
    private static final class Positions {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
