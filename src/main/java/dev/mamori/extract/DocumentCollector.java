package dev.mamori.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the documents of one file as they are begun and done, in the order they were begun (a
 * container before its members). Several attempts on the same file (after a worker died) add to the
 * same collector: a document keeps the place it got in the first attempt. Not thread-safe.
 */
final class DocumentCollector implements ExtractionListener {

    private final Map<String, ExtractedDocument> slots = new LinkedHashMap<>();
    private final Map<String, String> paths = new LinkedHashMap<>();

    @Override
    public void begin(String key, String path) {
        if (!slots.containsKey(key)) {
            slots.put(key, null);
            paths.put(key, path);
        }
    }

    @Override
    public void done(String key, ExtractedDocument doc) {
        begin(key, doc.path());
        ExtractedDocument before = slots.put(key, doc);
        if (before != null && before != doc) {
            before.close();
        }
    }

    /** Keys of the documents done so far: a later attempt skips them. */
    Set<String> doneKeys() {
        Set<String> keys = new TreeSet<>();
        slots.forEach((k, d) -> {
            if (d != null) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** Documents begun and not done, outermost first: the last is the one being read when the work stopped. */
    List<String> unfinished() {
        List<String> keys = new ArrayList<>();
        slots.forEach((k, d) -> {
            if (d == null) {
                keys.add(k);
            }
        });
        return keys;
    }

    String path(String key) {
        return paths.get(key);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /**
     * The documents done, file first. Members with nothing to inspect (pictures in a document, empty
     * entries) are left out: they are noise in results.
     */
    List<ExtractedDocument> documents() {
        List<ExtractedDocument> out = new ArrayList<>();
        for (ExtractedDocument d : slots.values()) {
            if (d == null) {
                continue;
            }
            if (!out.isEmpty() && d.status() == ExtractionStatus.OK && d.content().isBlank()) {
                d.close();
                continue;
            }
            out.add(d);
        }
        return out;
    }
}
