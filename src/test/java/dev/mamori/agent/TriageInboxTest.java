package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.AlertStore;
import dev.mamori.alert.Triage;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.platform.ProcessUser;
import dev.mamori.verdict.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions handed to a running agent: the identity is the request file's owner, each request is
 * recorded once, and nothing a request holds stops the import of the others.
 */
class TriageInboxTest {

    @TempDir
    Path data;

    Path inbox;
    AlertStore store;
    TriageInbox triage;
    final String me = ProcessUser.nameOf(ProcessUser.current().uid());

    @BeforeEach
    void setUp() throws Exception {
        inbox = Files.createDirectories(data.resolve(Agent.TRIAGE_INBOX));
        store = new AlertStore(data.resolve("alerts"));
        store.append(new Alert(0, "alert-1", Instant.parse("2026-12-03T01:00:00Z"), "pc", "taro", "/media/taro/S/list.csv",
                ExitPointKind.USB, "ab", 10, Severity.HIGH, Map.of("PHONE_NUMBER", 25), 25, List.of("090-****-5678"), List.of("jp-phone"),
                false, AlertAction.ALERT, null, "test", List.of("jp-pii 1")));
        triage = new TriageInbox(inbox, store);
    }

    @Test
    void theDeciderIsTheFilesOwnerNotWhatTheRequestClaims() throws Exception {
        Triage claimed = new Triage("alert-1", dev.mamori.alert.TriageAction.DISMISS, "test data", "the-ceo", Instant.parse("2026-12-03T02:00:00Z"));
        Triage.request(inbox, claimed, "");

        assertThat(triage.importAll()).isEqualTo(1);
        Triage recorded = AlertStore.triageState(data.resolve("alerts")).get("alert-1");
        assertThat(recorded.by()).isEqualTo(me).isNotEqualTo("the-ceo");
        assertThat(recorded.action()).isEqualTo(dev.mamori.alert.TriageAction.DISMISS);
        assertThat(recorded.note()).isEqualTo("test data");
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aRequestReadAgainIsNotRecordedTwice() throws Exception {
        String id = Triage.request(inbox, new Triage("alert-1", dev.mamori.alert.TriageAction.ACK, "seen", "x", Instant.now()), "");
        byte[] request = Files.readAllBytes(inbox.resolve(id + ".json"));
        assertThat(triage.importAll()).isEqualTo(1);
        // the same request again, as if its file could not be deleted and a new agent read it
        Files.write(inbox.resolve(id + ".json"), request);
        assertThat(new TriageInbox(inbox, store).importAll()).isZero();
        assertThat(store.lastSeq()).as("one alert and one decision").isEqualTo(2);
    }

    @Test
    void requestsThatAreNotValidAreSetAsideAndTheValidOneAfterThemIsRecorded() throws Exception {
        Files.writeString(inbox.resolve("0-broken.json"), "{not json", StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("1-action.json"), requestJson("alert-1", "delete-everything", "x"), StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("2-alert.json"), requestJson("no-such-alert", "ack", "x"), StandardCharsets.UTF_8);
        Files.writeString(inbox.resolve("3-note.json"), requestJson("alert-1", "ack", "x".repeat(TriageInbox.MAX_NOTE_CHARS + 1)),
                StandardCharsets.UTF_8);
        Files.write(inbox.resolve("4-huge.json"), new byte[(int) TriageInbox.MAX_BYTES + 1]);
        Files.createSymbolicLink(inbox.resolve("5-link.json"), data.resolve("alerts"));
        Files.createDirectory(inbox.resolve("6-folder.json"));
        Files.writeString(inbox.resolve("7-good.json"), requestJson("alert-1", "escalate", "送付先を確認する"), StandardCharsets.UTF_8);

        assertThat(triage.importAll()).isEqualTo(1);

        assertThat(AlertStore.triageState(data.resolve("alerts")).get("alert-1").action()).isEqualTo(dev.mamori.alert.TriageAction.ESCALATE);
        try (var rejected = Files.list(inbox.resolve("rejected"))) {
            assertThat(rejected.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0-broken.json",
                    "1-action.json", "2-alert.json", "3-note.json", "4-huge.json", "5-link.json", "6-folder.json");
        }
        assertThat(triage.importAll()).as("nothing is tried twice").isZero();
    }

    @Test
    void aRequestThatRootOwnsMayNameWhoRanSudoAndNoOtherMay() throws Exception {
        Files.writeString(inbox.resolve("a.json"), requestJson("alert-1", "ack", "ok").replace("\"user\":{",
                "\"user\":{\"sudo\":\"alice\","), StandardCharsets.UTF_8);
        triage.importAll();
        String by = AlertStore.triageState(data.resolve("alerts")).get("alert-1").by();
        assertThat(by).isEqualTo(me.equals("root") ? "root (sudo by alice)" : me);
    }

    @Test
    void anotherUsersRequestIsRecordedAsTheirsWhateverItClaims() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessUser.current().isRoot(), "needs root to write as another user (CI runs as root)");
        Path forged = Files.writeString(inbox.resolve("forged.json"), requestJson("alert-1", "dismiss", "nothing to see")
                .replace("\"name\":\"forged\"", "\"name\":\"root\",\"sudo\":\"ciso\""), StandardCharsets.UTF_8);
        Files.setAttribute(forged, "unix:uid", 4242);
        triage.importAll();
        Triage recorded = AlertStore.triageState(data.resolve("alerts")).get("alert-1");
        assertThat(recorded.by()).isEqualTo(ProcessUser.nameOf(4242)).doesNotContain("root", "ciso");
    }

    private static String requestJson(String alertId, String action, String note) {
        return "{\"@timestamp\":\"2026-12-03T02:00:00Z\",\"event\":{\"kind\":\"triage\",\"action\":\"" + action
                + "\"},\"user\":{\"name\":\"forged\"},\"mamori\":{\"alert_id\":\"" + alertId + "\",\"note\":\"" + note + "\"}}";
    }
}
