package dev.mamori.verdict;

import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import dev.mamori.detect.TextLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts personal records: a name together with an address, phone number or birth date.
 * In a table, a row holding a name and a companion is one record (its kanji name and kana reading
 * are one person). Outside tables, a name with a companion within the window is a record; the
 * same name repeated, or a reading right next to the name, is not counted twice.
 */
public final class RecordCounter {

    /** Names closer than this belong to one person (山田 太郎 (ヤマダ タロウ)). */
    private static final int SAME_PERSON_GAP = 40;

    private final RecordSettings settings;

    public RecordCounter(RecordSettings settings) {
        this.settings = settings;
    }

    public int count(ScanText text, List<Finding> findings) {
        Tally tally = tally();
        tally.add(text, findings, 0, Integer.MAX_VALUE, 0);
        return tally.records();
    }

    /** A count over a text judged in windows ({@code dev.mamori.detect.TextWindows}). */
    public Tally tally() {
        return new Tally();
    }

    /** Prose names remembered to tell a repeated name from a new person; beyond, a name counts as new. */
    static final int MAX_REMEMBERED_NAMES = 100_000;

    /**
     * The records of one document, counted window after window. Each window counts the records whose
     * name it owns ({@code ownedFrom..ownedTo}); its context on either side supplies companions only,
     * so a record that crosses a window boundary is counted once. Not thread-safe.
     */
    public final class Tally {
        private int records;
        private long previousEnd = Long.MIN_VALUE / 2;
        private final Set<String> seen = new HashSet<>();

        /**
         * @param findings all findings of the window, context included
         * @param offset   the document offset of the window's position 0
         */
        public void add(ScanText text, List<Finding> findings, int ownedFrom, int ownedTo, long offset) {
            String original = text.normalized().original();
            int[] lineStarts = lineStarts(original);
            TextLayout layout = text.layout();
            Set<Integer> rowsWithName = new HashSet<>();
            Set<Integer> rowsWithCompanion = new HashSet<>();
            List<Finding> proseNames = new ArrayList<>();
            List<Integer> proseCompanionStarts = new ArrayList<>();
            for (Finding f : findings) {
                if (!f.confidence().atLeast(settings.minConfidence())) {
                    continue;
                }
                boolean name = f.type().equals(settings.nameType());
                if (!name && !settings.companionTypes().contains(f.type())) {
                    continue;
                }
                if (name && (f.start() < ownedFrom || f.start() >= ownedTo)) {
                    continue; // another window's record
                }
                int line = lineOf(lineStarts, f.start());
                boolean row = line < layout.lineCount() && layout.isTableRow(line);
                if (name) {
                    if (row) {
                        rowsWithName.add(line);
                    } else {
                        proseNames.add(f);
                    }
                } else if (row) {
                    rowsWithCompanion.add(line);
                } else {
                    proseCompanionStarts.add(f.start());
                }
            }
            rowsWithName.retainAll(rowsWithCompanion);
            records += rowsWithName.size() + proseRecords(proseNames, proseCompanionStarts, offset);
        }

        public int records() {
            return records;
        }

        private int proseRecords(List<Finding> names, List<Integer> companionStarts, long offset) {
            if (names.isEmpty() || companionStarts.isEmpty()) {
                return 0;
            }
            int[] starts = companionStarts.stream().mapToInt(Integer::intValue).sorted().toArray();
            int found = 0;
            for (Finding n : names) {
                if (!hasCompanionNear(starts, n)) {
                    continue;
                }
                boolean samePerson = offset + n.start() - previousEnd < SAME_PERSON_GAP || !remember(n.value());
                previousEnd = offset + n.end();
                if (!samePerson) {
                    found++;
                }
            }
            return found;
        }

        /** False when the name was met before. */
        private boolean remember(String name) {
            return seen.size() >= MAX_REMEMBERED_NAMES ? !seen.contains(name) : seen.add(name);
        }
    }

    /**
     * The identifying pairs of each person record: its name with each of its companions
     * ({@code name|PHONE_NUMBER|digits}, {@code name|DATE_OF_BIRTH|iso date}, {@code name|STREET_ADDRESS|...}),
     * in canonical form, sorted. Two records that share any pair are the same person (a changed
     * phone number still shares the name and birth date). Raw personal data: callers hash each pair
     * at once with a secret key and keep only the hashes (see {@code dev.mamori.impact}).
     */
    public List<List<String>> personRecords(ScanText text, List<Finding> findings) {
        String original = text.normalized().original();
        int[] lineStarts = lineStarts(original);
        TextLayout layout = text.layout();
        java.util.Map<Integer, Finding> nameByRow = new java.util.TreeMap<>();
        java.util.Map<Integer, List<Finding>> companionsByRow = new java.util.HashMap<>();
        List<Finding> proseNames = new ArrayList<>();
        List<Finding> proseCompanions = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.confidence().atLeast(settings.minConfidence())) {
                continue;
            }
            int line = lineOf(lineStarts, f.start());
            boolean row = line < layout.lineCount() && layout.isTableRow(line);
            if (f.type().equals(settings.nameType())) {
                if (row) {
                    nameByRow.merge(line, f, (a, b) -> a.start() <= b.start() ? a : b);
                } else {
                    proseNames.add(f);
                }
            } else if (settings.companionTypes().contains(f.type())) {
                if (row) {
                    companionsByRow.computeIfAbsent(line, x -> new ArrayList<>()).add(f);
                } else {
                    proseCompanions.add(f);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        nameByRow.forEach((line, name) -> {
            List<Finding> companions = companionsByRow.get(line);
            if (companions != null) {
                out.add(pairs(name, companions));
            }
        });
        int previousEnd = Integer.MIN_VALUE / 2;
        for (Finding name : proseNames) {
            if (name.start() - previousEnd < SAME_PERSON_GAP) {
                previousEnd = name.end(); // a reading next to the name: the same person
                continue;
            }
            previousEnd = name.end();
            // the nearest companion of each type within the window
            java.util.Map<String, Finding> nearest = new java.util.TreeMap<>();
            for (Finding c : proseCompanions) {
                if (Math.abs(c.start() - name.start()) <= settings.window()) {
                    nearest.merge(c.type(), c, (a, b) ->
                            Math.abs(a.start() - name.start()) <= Math.abs(b.start() - name.start()) ? a : b);
                }
            }
            if (!nearest.isEmpty()) {
                out.add(pairs(name, nearest.values()));
            }
        }
        return out;
    }

    private static List<String> pairs(Finding name, java.util.Collection<Finding> companions) {
        return companions.stream().map(c -> name.value() + "|" + c.type() + "|" + c.value()).distinct().sorted().toList();
    }

    private boolean hasCompanionNear(int[] starts, Finding n) {
        int i = Arrays.binarySearch(starts, n.start() - settings.window());
        i = i >= 0 ? i : -i - 1;
        return i < starts.length && starts[i] <= n.end() + settings.window();
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, int pos) {
        int i = Arrays.binarySearch(starts, pos);
        return i >= 0 ? i : -i - 2;
    }
}
