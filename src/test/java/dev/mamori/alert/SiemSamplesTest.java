package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The SIEM files shipped in {@code agent/siem/} against the alerts Mamori really emits: the index
 * template maps every field with its ECS type (so nothing is left to dynamic mapping's guesses),
 * and the Splunk sample's regular expressions cut and read the syslog and JSON forms.
 */
class SiemSamplesTest {

    private static final Path SIEM = Path.of("agent/siem");

    @Test
    void theIndexTemplateMapsEveryEmittedFieldWithItsEcsType() throws Exception {
        JsonNode template = AlertJson.JSON.readTree(Files.readString(SIEM.resolve("index-template.json")));
        JsonNode mappings = template.path("template").path("mappings");
        assertThat(mappings.path("dynamic").asBoolean(true)).as("unknown fields are not guessed").isFalse();
        Map<String, String> mapped = new LinkedHashMap<>();
        properties("", mappings.path("properties"), mapped);

        List<String> problems = new ArrayList<>();
        for (Alert a : EcsConformanceTest.everyForm()) {
            EcsConformanceTest.leafFields(a).keySet().forEach(field -> {
                if (field.startsWith("mamori.types.")) {
                    return; // one count per detected type: mapped dynamically under an object
                }
                String type = mapped.get(field);
                var ecs = EcsConformanceTest.ECS.get(field);
                if (type == null) {
                    problems.add(field + ": not in the template");
                } else if (ecs != null && !type.equals(portable(ecs.type()))) {
                    problems.add(field + ": mapped as " + type + ", ECS says " + ecs.type());
                }
            });
        }
        assertThat(problems).isEmpty();
        assertThat(mapped).containsEntry("mamori.types", "object");
        assertThat(template.path("_meta").path("ecs_version").asText()).isEqualTo(AlertJson.ECS_VERSION);
    }

    @Test
    void theSplunkSyslogSampleCutsTheHeaderToTheJsonAndTakesTheLaptopAsHost() throws Exception {
        Alert a = Alerts.alert(3).withSeq(3);
        String message = SyslogSink.message(a, "laptop-07", 64_999, false);
        String props = Files.readString(SIEM.resolve("splunk/props.conf"));
        String transforms = Files.readString(SIEM.resolve("splunk/transforms.conf"));

        Matcher sed = Pattern.compile("SEDCMD-mamori_header = s/(.*)//").matcher(props);
        assertThat(sed.find()).isTrue();
        String json = message.replaceFirst(sed.group(1), "");
        assertThat(AlertJson.fromJson(AlertJson.JSON.readTree(json))).isEqualTo(a);

        assertThat(capture(transforms, "mamori_host_from_syslog", message)).isEqualTo("laptop-07");
        assertThat(capture(transforms, "mamori_host_from_json", AlertJson.line(a))).isEqualTo("laptop-01");
    }

    /** The first group of a transforms.conf stanza's REGEX, applied to {@code event}. */
    private static String capture(String transforms, String stanza, String event) {
        Matcher m = Pattern.compile("\\[" + stanza + "]\\s*\\nREGEX = (.*)\\n").matcher(transforms);
        assertThat(m.find()).as("stanza " + stanza).isTrue();
        Matcher on = Pattern.compile(m.group(1)).matcher(event);
        assertThat(on.find()).as(stanza + " matches").isTrue();
        return on.group(1);
    }

    /** The type a template uses for an ECS type on both Elasticsearch and OpenSearch. */
    private static String portable(String ecsType) {
        return switch (ecsType) {
            case "match_only_text" -> "text";
            case "constant_keyword", "wildcard" -> "keyword";
            default -> ecsType;
        };
    }

    private static void properties(String prefix, JsonNode props, Map<String, String> out) {
        props.fields().forEachRemaining(e -> {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = e.getValue();
            if (def.has("properties")) {
                properties(name, def.path("properties"), out);
            } else {
                out.put(name, def.path("type").asText());
            }
        });
    }
}
