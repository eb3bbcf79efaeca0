package dev.mamori.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStoreTest {

    @TempDir
    Path dir;

    @Test
    void alertsAreNumberedInOrderAndSurviveReopening() throws Exception {
        try (AlertStore store = new AlertStore(dir)) {
            for (int i = 1; i <= 3; i++) {
                assertThat(store.append(Alerts.alert(i)).seq()).isEqualTo(i);
            }
        }
        try (AlertStore store = new AlertStore(dir)) {
            assertThat(store.lastSeq()).isEqualTo(3);
            assertThat(store.append(Alerts.alert(4)).seq()).isEqualTo(4);
            assertThat(store.readAfter(1, 10)).extracting(Alert::id).containsExactly("alert-2", "alert-3", "alert-4");
            assertThat(store.readAfter(0, 2)).extracting(Alert::seq).containsExactly(1L, 2L);
        }
    }

    @Test
    void commitDataIsWrittenWithTheAlertsOfItsCommitAndSurvivesReopeningAndLaterCommits() throws Exception {
        try (AlertStore store = new AlertStore(dir)) {
            store.appendAll(java.util.List.of(Alerts.alert(1), Alerts.alert(2)), java.util.Map.of("kafka.offset.alerts-0", "2"));
            store.append(Alerts.alert(3)); // a commit that does not set it keeps it
            assertThat(AlertStore.commitData(dir)).containsEntry("kafka.offset.alerts-0", "2");
        }
        try (AlertStore store = new AlertStore(dir)) {
            assertThat(store.commitData()).containsEntry("kafka.offset.alerts-0", "2");
            assertThat(store.containsId("alert-2")).isTrue();
            assertThat(store.containsId("alert-9")).isFalse();
            store.triage(new Triage("alert-3", dev.mamori.alert.TriageAction.ACK, "", "auditor", java.time.Instant.parse("2026-11-27T00:00:00Z")));
            Alert fifth = store.append(Alerts.alert(5));
            assertThat(fifth.seq()).isEqualTo(5);
            assertThat(store.alertBefore(5)).as("number 4 is the triage decision").isEqualTo(3);
            assertThat(store.alertBefore(1)).isZero();
        }
    }

    @Test
    void jsonUsesEcsFieldNamesAndRoundTrips() throws Exception {
        Alert a = Alerts.alert(7).withSeq(42);
        JsonNode json = AlertJson.JSON.readTree(AlertJson.line(a));
        assertThat(json.path("@timestamp").asText()).isEqualTo("2026-11-26T03:00:07Z");
        assertThat(json.path("event").path("kind").asText()).isEqualTo("alert");
        assertThat(json.path("file").path("path").asText()).endsWith("顧客リスト7.csv");
        assertThat(json.path("file").path("hash").path("sha256").asText()).isEqualTo("ab7");
        assertThat(json.path("host").path("name").asText()).isEqualTo("laptop-01");
        assertThat(json.path("mamori").path("exit_point").asText()).isEqualTo("usb");
        assertThat(json.path("mamori").path("types").path("PHONE_NUMBER").asInt()).isEqualTo(25);
        assertThat(json.path("mamori").path("packs")).extracting(JsonNode::asText).containsExactly("jp-pii 3", "acme 2026.11");
        assertThat(AlertJson.fromJson(json)).isEqualTo(a);
    }

    @Test
    void alertsAreFoundByThePackThatJudgedThemWithOrWithoutItsVersion() throws Exception {
        try (AlertStore store = new AlertStore(dir)) {
            store.append(Alerts.alert(1));
            store.append(new Alert(0, "older", Alerts.alert(2).time(), "laptop-01", "taro", "/media/taro/USB/x.csv", ExitPointKind.USB,
                    "cd", 9, Severity.HIGH, java.util.Map.of("PHONE_NUMBER", 3), 3, java.util.List.of(), java.util.List.of("jp-phone"),
                    false, AlertAction.ALERT, null, "test", java.util.List.of("jp-pii 2"))); // judged before acme was deployed
        }
        assertThat(AlertStore.searchReadOnly(dir, "pack:jp-pii", 10)).hasSize(2);
        assertThat(AlertStore.searchReadOnly(dir, "pack:acme", 10)).extracting(Alert::id).containsExactly("alert-1");
        assertThat(AlertStore.searchReadOnly(dir, "pack:\"jp-pii 2\"", 10)).extracting(Alert::id).containsExactly("older");
    }

    @Test
    void aMemberPathLongerThanLucenesTermLimitIsStoredWholeAndStillFound() throws Exception {
        String member = "/media/taro/USB/archive.zip!/" + "長".repeat(20_000) + "/顧客リスト.csv"; // 60 KB in UTF-8
        Alert a = Alerts.alert(1);
        Alert longPath = new Alert(0, "alert-long", a.time(), a.host(), a.user(), member, a.exitPoint(), a.sha256(),
                a.size(), a.severity(), a.counts(), a.records(), a.samples(), a.rules(), false, AlertAction.ALERT, null, "test");
        try (AlertStore store = new AlertStore(dir)) {
            assertThat(store.append(longPath).seq()).isEqualTo(1);
            assertThat(store.append(Alerts.alert(2)).seq()).isEqualTo(2);
            assertThat(store.readAfter(0, 10)).first().extracting(Alert::path).isEqualTo(member);
            assertThat(store.search("path:*archive.zip*", 10)).extracting(Alert::id).containsExactly("alert-long");
        }
        assertThat(AlertStore.verify(dir, null).ok()).isTrue();
    }

    @Test
    void healthAlertsAreEcsEventsOfTheirOwnAndNameAFileOnlyWhenTheyConcernOne() throws Exception {
        Alert a = Alerts.alert(1);
        Alert rules = new Alert(3, "h-1", a.time(), a.host(), a.user(), "rules", ExitPointKind.AGENT, "", 0, Severity.MEDIUM, java.util.Map.of(),
                0, java.util.List.of("rule packs refused"), java.util.List.of("agent-health"), false, AlertAction.HEALTH, null, "test");
        Alert poison = new Alert(4, "h-2", a.time(), a.host(), a.user(), "/home/taro/Dropbox/big.csv", ExitPointKind.AGENT, "", 0,
                Severity.MEDIUM, java.util.Map.of(), 0, java.util.List.of("poison file"), java.util.List.of("agent-health"), false,
                AlertAction.HEALTH, null, "test");
        for (Alert h : java.util.List.of(rules, poison)) {
            JsonNode json = AlertJson.JSON.readTree(AlertJson.line(h));
            assertThat(json.path("event").path("kind").asText()).isEqualTo("event");
            assertThat(json.path("event").path("action").asText()).isEqualTo("agent-health");
            assertThat(json.path("event").path("category").toString()).isEqualTo("[\"process\"]");
            assertThat(json.path("mamori").path("subject").asText()).isEqualTo(h.path());
            Alert back = AlertJson.fromJson(json);
            assertThat(back).isEqualTo(h);
            assertThat(back.isHealth()).isTrue();
        }
        assertThat(AlertJson.JSON.readTree(AlertJson.line(rules)).has("file")).as("no fake file.path 'rules'").isFalse();
        assertThat(AlertJson.JSON.readTree(AlertJson.line(poison)).path("file").path("path").asText())
                .isEqualTo("/home/taro/Dropbox/big.csv");
        JsonNode personal = AlertJson.JSON.readTree(AlertJson.line(a));
        assertThat(personal.path("event").path("action").asText()).isEqualTo("personal-data-detected");
        assertThat(personal.path("mamori").has("subject")).isFalse();
    }
}
