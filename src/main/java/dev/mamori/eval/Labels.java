package dev.mamori.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expected values per file and type: {@code {"files": {"rel/path.csv": {"PHONE_NUMBER": ["03-1234-5678"]}}}}.
 * Values are written as they appear in the file, except DATE_OF_BIRTH, written yyyy-mm-dd.
 * A file with {@code {}} holds nothing.
 */
public record Labels(Map<String, Map<String, List<String>>> files) {

    public static Labels read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode files = root.path("files");
        if (!files.isObject()) {
            throw new IOException(json + ": no \"files\" object");
        }
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        var it = files.fields();
        while (it.hasNext()) {
            var file = it.next();
            Map<String, List<String>> types = new LinkedHashMap<>();
            var types_ = file.getValue().fields();
            while (types_.hasNext()) {
                var t = types_.next();
                if (!t.getValue().isArray()) {
                    throw new IOException(json + ": " + file.getKey() + " / " + t.getKey() + " must be a list of values");
                }
                List<String> values = new ArrayList<>();
                t.getValue().forEach(v -> values.add(v.asText()));
                types.put(t.getKey(), values);
            }
            out.put(file.getKey(), types);
        }
        return new Labels(out);
    }

    public Set<String> types() {
        Set<String> types = new java.util.TreeSet<>();
        files.values().forEach(m -> types.addAll(m.keySet()));
        return types;
    }
}
