package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every alert form, checked against the ECS release's own field list (test resource
 * {@code ecs/ecs_flat-8.11.0.tsv}): each field outside {@code mamori.*} exists in ECS, has a value of
 * its type, is a list only where ECS expects one, and the categorisation fields hold allowed values
 * that belong together. A SIEM then ingests the documents with the stock ECS mapping.
 */
class EcsConformanceTest {

    /** One ECS field: its type, whether it is a list, its allowed values (category → expected types). */
    record EcsField(String type, boolean array, Map<String, Set<String>> allowed) {
    }

    static final Map<String, EcsField> ECS = load();

    private static Map<String, EcsField> load() {
        Map<String, EcsField> fields = new LinkedHashMap<>();
        try (InputStream in = EcsConformanceTest.class.getResourceAsStream("/ecs/ecs_flat-" + AlertJson.ECS_VERSION + ".tsv")) {
            assertThat(in).as("the field list of the ECS release AlertJson targets").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                Map<String, Set<String>> allowed = new LinkedHashMap<>();
                for (String v : c[3].isEmpty() ? new String[0] : c[3].split(",")) {
                    String[] kv = v.split("=", 2);
                    allowed.put(kv[0], kv.length == 2 ? Set.of(kv[1].split("\\|")) : Set.of());
                }
                fields.put(c[0], new EcsField(c[1], c[2].contains("array"), allowed));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return fields;
    }

    static List<Alert> everyForm() {
        Alert a = Alerts.alert(1).withSeq(1);
        Alert member = new Alert(2, "alert-member", a.time(), "laptop-01", "taro", "/media/taro/USB/顧客.zip!/2026/名簿.csv",
                ExitPointKind.USB, "cd2", 4321, Severity.HIGH, Map.of("MY_NUMBER", 3), 3, List.of("****-****-1234"), List.of("jp-my-number"),
                true, AlertAction.QUARANTINE, "20261126-030001-ab12cd34", "1.0", List.of("jp-pii 2026.11.1"))
                .withContext(java.time.Instant.parse("2026-11-25T23:59:58Z"),
                        new HostInfo("0123456789abcdef0123456789abcdef", "linux", "Linux", "6.1.0-27-amd64"));
        Alert archive = new Alert(3, "alert-archive", a.time(), "laptop-01", "taro", "/home/taro/Dropbox/exports.zip",
                ExitPointKind.CLOUD_SYNC, "ef3", 99_000, Severity.MEDIUM, Map.of("PHONE_NUMBER", 40), 40, List.of("090-****-5678"),
                List.of("jp-phone"), false, AlertAction.ALERT, null, "1.0", List.of("jp-pii 2026.11.1", "common 2026.11.1"),
                List.of("exports.zip!/a.csv", "exports.zip!/b.csv"), 2);
        Alert encrypted = new Alert(4, "alert-encrypted", a.time(), "laptop-01", "hanako", "C:\\Users\\hanako\\OneDrive\\給与.xlsx",
                ExitPointKind.CLOUD_SYNC, "012", 2048, Severity.MEDIUM, Map.of(), 0, List.of(), List.of(), false, AlertAction.ALERT, null, "1.0",
                List.of("jp-pii 2026.11.1"));
        Alert healthOfAFile = new Alert(5, "h-1", a.time(), "laptop-01", "mamori", "/media/taro/USB/big.pdf", ExitPointKind.AGENT, "", 0,
                Severity.MEDIUM, Map.of(), 0, List.of("extraction timed out"), List.of(HealthProblem.RULE, "agent-health:timeout"),
                false, AlertAction.HEALTH, null, "1.0").withContext(null, new HostInfo(null, "windows", "Windows 11", "10.0"));
        Alert healthOfAPack = new Alert(6, "h-2", a.time(), "laptop-01", "mamori", "rules bundle", ExitPointKind.AGENT, "", 0, Severity.MEDIUM,
                Map.of(), 0, List.of("signature does not verify"), List.of(HealthProblem.RULE, "agent-health:bundle-refused"),
                false, AlertAction.HEALTH, null, "1.0");
        return List.of(a, member, archive, encrypted, healthOfAFile, healthOfAPack);
    }

    @ParameterizedTest
    @MethodSource("everyForm")
    void everyFieldOutsideMamoriIsAnEcsFieldOfItsTypeAndShape(Alert alert) {
        Map<String, JsonNode> fields = leafFields(alert);
        List<String> problems = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("mamori.")) {
                return; // our own namespace: not ECS's to define
            }
            EcsField f = ECS.get(name);
            if (f == null) {
                problems.add(name + ": not an ECS " + AlertJson.ECS_VERSION + " field");
                return;
            }
            if (value.isArray() && !f.array()) {
                problems.add(name + ": a list where ECS expects one value");
            }
            for (JsonNode v : value.isArray() ? value : List.of(value)) {
                if (!fits(f.type(), v)) {
                    problems.add(name + ": " + v + " is not a " + f.type());
                }
                if (!f.allowed().isEmpty() && !f.allowed().containsKey(v.asText())) {
                    problems.add(name + ": " + v + " is not one of " + f.allowed().keySet());
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(fields.get("ecs.version").asText()).isEqualTo(AlertJson.ECS_VERSION);
        assertThat(fields).containsKeys("@timestamp", "message", "event.kind", "event.category", "event.type", "rule.id");
        Set<String> expectedTypes = ECS.get("event.category").allowed().get(fields.get("event.category").get(0).asText());
        fields.get("event.type").forEach(t -> assertThat(expectedTypes).as("event.type for its category").contains(t.asText()));
    }

    @org.junit.jupiter.api.Test
    void theChainHeadDocumentIsAnEcsStateEvent() throws Exception {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        flatten("", AlertJson.JSON.readTree(AlertJson.chainHead("laptop-01", "12:ab", java.time.Instant.parse("2026-12-03T00:00:00Z"))),
                fields);
        List<String> problems = new ArrayList<>();
        fields.forEach((name, value) -> {
            EcsField f = name.startsWith("mamori.") ? null : ECS.get(name);
            if (!name.startsWith("mamori.") && (f == null || !fits(f.type(), value)
                    || !f.allowed().isEmpty() && !f.allowed().containsKey(value.asText()))) {
                problems.add(name + "=" + value);
            }
        });
        assertThat(problems).isEmpty();
        assertThat(fields.get("event.kind").asText()).isEqualTo("state");
        assertThat(fields.get("mamori.chain_head").asText()).isEqualTo("12:ab");
    }

    @ParameterizedTest
    @MethodSource("everyForm")
    void theStoredFormReadsBackAsTheSameAlert(Alert alert) {
        assertThat(AlertJson.fromJson(AlertJson.toJson(alert))).isEqualTo(alert);
    }

    @Test
    void anArchiveMembersAlertDescribesTheArchiveOnDiskAndNamesTheMemberApart() {
        JsonNode o = AlertJson.toJson(everyForm().get(1));
        assertThat(o.path("file").path("path").asText()).isEqualTo("/media/taro/USB/顧客.zip");
        assertThat(o.path("file").path("name").asText()).isEqualTo("顧客.zip");
        assertThat(o.path("file").path("extension").asText()).isEqualTo("zip");
        assertThat(o.path("file").path("directory").asText()).isEqualTo("/media/taro/USB");
        assertThat(o.path("file").path("owner").asText()).isEqualTo("taro");
        assertThat(o.path("mamori").path("member").asText()).isEqualTo("2026/名簿.csv");
        assertThat(o.path("event").path("type")).extracting(JsonNode::asText).containsExactly("info", "change");
        assertThat(o.path("message").asText()).isEqualTo("high (usb): 名簿.csv 3 record(s) of personal data (MY_NUMBER 3), quarantined");
    }

    @Test
    void anEncryptedFileNamesTheUninspectableRuleAndAWindowsPathSplitsAtBackslashes() {
        JsonNode o = AlertJson.toJson(everyForm().get(3));
        assertThat(o.path("rule").path("id").asText()).isEqualTo("uninspectable");
        assertThat(o.path("file").path("name").asText()).isEqualTo("給与.xlsx");
        assertThat(o.path("file").path("directory").asText()).isEqualTo("C:\\Users\\hanako\\OneDrive");
        assertThat(o.path("message").asText()).isEqualTo("medium (cloud-sync): 給与.xlsx could not be fully inspected");
    }

    @Test
    void anAlertStoredBeforeEcs811ListedRulesAndPacksUnderRuleAndStillReads() throws Exception {
        JsonNode old = AlertJson.JSON.readTree("""
                {"@timestamp":"2026-11-26T03:00:01Z","event":{"id":"alert-1","kind":"alert","sequence":1},
                 "host":{"name":"laptop-01"},"user":{"name":"taro"},
                 "file":{"path":"/media/taro/USB/a.zip!/名簿.csv","size":12,"hash":{"sha256":"ab"}},
                 "rule":{"name":["jp-phone","jp-name"],"ruleset":["jp-pii 3"]},"agent":{"version":"0.9"},
                 "mamori":{"severity":"high","exit_point":"usb","records":2,"types":{"PHONE_NUMBER":2},
                           "samples":["090-****-5678"],"appi_reportable":false,"action":"alert"}}""");
        Alert a = AlertJson.fromJson(old);
        assertThat(a.rules()).containsExactly("jp-phone", "jp-name");
        assertThat(a.packs()).containsExactly("jp-pii 3");
        assertThat(a.path()).isEqualTo("/media/taro/USB/a.zip!/名簿.csv");
        assertThat(a.time()).isEqualTo(Instant.parse("2026-11-26T03:00:01Z"));
    }

    private static boolean fits(String type, JsonNode v) {
        return switch (type) {
            case "keyword", "constant_keyword", "wildcard", "match_only_text", "text", "ip", "flattened" -> v.isTextual();
            case "long", "integer", "short", "byte", "unsigned_long" -> v.isIntegralNumber();
            case "float", "double", "scaled_float" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "date" -> v.isTextual() && parses(v.asText());
            default -> false; // an object or geo type: Mamori sends none
        };
    }

    private static boolean parses(String instant) {
        try {
            Instant.parse(instant);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The alert's JSON as leaf fields by dotted name; a list is one leaf (ECS types its elements). */
    static Map<String, JsonNode> leafFields(Alert alert) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        flatten("", AlertJson.toJson(alert), fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }
}
