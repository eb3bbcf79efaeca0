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
        String original = text.normalized().original();
        int[] lineStarts = lineStarts(original);
        TextLayout layout = text.layout();
        List<Finding> names = new ArrayList<>();
        List<Finding> companions = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.confidence().atLeast(settings.minConfidence())) {
                continue;
            }
            if (f.type().equals(settings.nameType())) {
                names.add(f);
            } else if (settings.companionTypes().contains(f.type())) {
                companions.add(f);
            }
        }
        if (names.isEmpty() || companions.isEmpty()) {
            return 0;
        }
        Set<Integer> rowsWithName = new HashSet<>();
        Set<Integer> rowsWithCompanion = new HashSet<>();
        List<Finding> proseNames = new ArrayList<>();
        List<Integer> proseCompanionStarts = new ArrayList<>();
        for (Finding n : names) {
            int line = lineOf(lineStarts, n.start());
            if (line < layout.lineCount() && layout.isTableRow(line)) {
                rowsWithName.add(line);
            } else {
                proseNames.add(n);
            }
        }
        for (Finding c : companions) {
            int line = lineOf(lineStarts, c.start());
            if (line < layout.lineCount() && layout.isTableRow(line)) {
                rowsWithCompanion.add(line);
            } else {
                proseCompanionStarts.add(c.start());
            }
        }
        rowsWithName.retainAll(rowsWithCompanion);
        return rowsWithName.size() + proseRecords(proseNames, proseCompanionStarts);
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

    private int proseRecords(List<Finding> names, List<Integer> companionStarts) {
        if (names.isEmpty() || companionStarts.isEmpty()) {
            return 0;
        }
        int[] starts = companionStarts.stream().mapToInt(Integer::intValue).sorted().toArray();
        Set<String> seen = new HashSet<>();
        int records = 0;
        int previousEnd = Integer.MIN_VALUE / 2;
        for (Finding n : names) {
            if (!hasCompanionNear(starts, n)) {
                continue;
            }
            boolean samePerson = n.start() - previousEnd < SAME_PERSON_GAP || !seen.add(n.value());
            previousEnd = n.end();
            if (!samePerson) {
                records++;
            }
        }
        return records;
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
