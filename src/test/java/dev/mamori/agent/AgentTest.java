package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.platform.ExitPoints;
import dev.mamori.platform.ProcessUser;
import dev.mamori.quarantine.Quarantine;
import dev.mamori.state.ContentHash;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent on real folders: a USB stick mounted while it runs, a Dropbox folder, a JSON Lines
 * file and a real HTTP webhook; restart, rename and quarantine.
 */
class AgentTest {

    @TempDir
    static Path samples;
    static RealisticCorpus corpus;

    @TempDir
    Path root;
    Path home;
    Path media;
    Path data;
    HttpServer webhook;
    final List<JsonNode> posted = new CopyOnWriteArrayList<>();
    /** The chain heads the webhook got, after the alerts they cover. */
    final List<JsonNode> heads = new CopyOnWriteArrayList<>();
    /** Extra lines of the scan section for the next agent(). */
    String scanSettings = "";

    @BeforeAll
    static void files() throws Exception {
        corpus = RealisticCorpus.writeTo(samples.resolve("corpus"));
    }

    @BeforeEach
    void folders() throws Exception {
        home = Files.createDirectories(root.resolve("home/taro"));
        Files.createDirectories(home.resolve("Dropbox"));
        media = Files.createDirectories(root.resolve("media/taro"));
        data = root.resolve("data");
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", ex -> {
            JsonNode doc = new ObjectMapper().readTree(ex.getRequestBody().readAllBytes());
            (doc.path("event").path("kind").asText().equals("state") ? heads : posted).add(doc);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    private Agent agent(String extraConfig) throws Exception {
        return agent(extraConfig, new AgentStatus());
    }

    private Agent agent(String extraConfig, AgentStatus status) throws Exception {
        return agent(extraConfig, status, BundledRules.get());
    }

    private Agent agent(String extraConfig, AgentStatus status, dev.mamori.rules.RuleSet rules) throws Exception {
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch:
                  debounce-ms: 200
                scan:
                  isolation: in_process
                  %s
                alerts:
                  webhook: {url: 'http://127.0.0.1:%d/alerts', allow-plain-http: true}
                  retry-seconds: 1
                %s
                """.formatted(data, scanSettings, webhook.getAddress().getPort(), extraConfig));
        AgentConfig c = new AgentConfigLoader(home).load(config);
        Agent agent = new Agent(c, rules, new Agent.Environment(
                new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, home, List.of(media)), Clock.systemUTC(), "laptop-01", "taro", "test"), status);
        agent.start();
        return agent;
    }

    private List<JsonNode> awaitJsonl(int count) {
        return dev.mamori.testing.JsonlAlerts.awaitCount(data.resolve("alerts.jsonl"), count, Duration.ofSeconds(30));
    }

    private static JsonNode alertFor(List<JsonNode> alerts, String fileName) {
        return alerts.stream().filter(a -> a.path("file").path("path").asText().endsWith(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert for " + fileName + " in " + alerts));
    }

    @Test
    void filesArrivingOnAUsbStickAndInDropboxRaiseMaskedAlertsInEverySink() throws Exception {
        try (Agent agent = agent("")) {
            Path stick = Files.createDirectories(media.resolve("USB-STICK")); // plugged in while running
            Thread.sleep(300);
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), stick.resolve("顧客リスト_202611.csv"));
            Files.copy(corpus.root().resolve("履歴書_高橋さくら.docx"), home.resolve("Dropbox/履歴書.docx"));
            Files.copy(corpus.root().resolve("ニュース_情報流出.txt"), stick.resolve("news.txt"));
            List<JsonNode> alerts = awaitJsonl(2);
            agent.awaitIdle(Duration.ofSeconds(20));

            JsonNode usb = alertFor(alerts, "顧客リスト_202611.csv");
            assertThat(usb.path("mamori").path("exit_point").asText()).isEqualTo("usb");
            assertThat(usb.path("mamori").path("severity").asText()).isEqualTo("high");
            assertThat(usb.path("mamori").path("records").asInt()).isEqualTo(25);
            assertThat(java.time.Instant.parse(usb.path("file").path("mtime").asText()).toEpochMilli()).as("file.mtime")
                    .isEqualTo(Files.getLastModifiedTime(stick.resolve("顧客リスト_202611.csv")).toMillis());
            assertThat(usb.path("host").path("os").path("type").asText()).isEqualTo("linux");
            assertThat(usb.path("host").path("os").path("version").asText()).isEqualTo(System.getProperty("os.version"));
            assertThat(usb.path("host").path("name").asText()).isEqualTo("laptop-01");
            String owner = Files.getOwner(stick.resolve("顧客リスト_202611.csv")).getName();
            assertThat(owner).as("the test needs an owner other than the agent's user").isNotEqualTo("taro");
            assertThat(usb.path("user").path("name").asText()).as("the file's owner, not the agent's user").isEqualTo(owner);
            assertThat(usb.path("file").path("owner").asText()).isEqualTo(owner);
            assertThat(usb.path("file").path("hash").path("sha256").asText())
                    .isEqualTo(ContentHash.sha256(stick.resolve("顧客リスト_202611.csv")));
            assertThat(usb.path("mamori").path("samples").toString()).contains("****");
            assertThat(usb.path("mamori").path("packs")).extracting(JsonNode::asText)
                    .as("the packs and versions the verdict was reached with").contains("jp-pii 2026.12.3", "common 2026.11.1");
            JsonNode cloud = alertFor(alerts, "履歴書.docx");
            assertThat(cloud.path("mamori").path("exit_point").asText()).isEqualTo("cloud-sync");
            assertThat(alerts).noneMatch(a -> a.path("file").path("path").asText().endsWith("news.txt"));

            await("the webhook receiving every alert").atMost(Duration.ofSeconds(20)).until(() -> posted.size() >= alerts.size());
            assertThat(posted).extracting(a -> a.path("event").path("id").asText())
                    .containsExactlyElementsOf(alerts.stream().map(a -> a.path("event").path("id").asText()).toList());
            // after them the chain head, as an ECS state event, so the SIEM keeps the anchor of what it got
            JsonNode head = await("the chain head after the alerts").atMost(Duration.ofSeconds(20))
                    .until(() -> heads.isEmpty() ? null : heads.get(heads.size() - 1), h -> h != null
                            && h.path("mamori").path("chain_head").asText().startsWith(alerts.size() + ":"));
            assertThat(head.path("event").path("action").asText()).isEqualTo("chain-head");
            assertThat(head.path("host").path("name").asText()).isEqualTo("laptop-01");
            String everything = Files.readString(data.resolve("alerts.jsonl")) + posted + heads;
            for (String raw : corpus.planted()) {
                assertThat(everything).doesNotContain(raw);
            }
            if (!System.getProperty("os.name").toLowerCase().contains("win")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.resolve("alerts.jsonl")))).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void statusListsEveryPlaceWithItsKindKeepsCountersAcrossARebuildAndClearsFixedProblems() throws Exception {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), stick.resolve("list.csv"));
        AgentStatus status = new AgentStatus();
        try (Agent agent = agent("", status)) {
            agent.awaitChecked(1, Duration.ofSeconds(30));
            JsonNode json = status.toJson(agent, Instant.now());
            assertThat(json.path("places")).extracting(p -> p.path("kind").asText() + " " + p.path("path").asText())
                    .contains("usb " + stick, "cloud-sync " + home.resolve("Dropbox"));
            assertThat(json.path("alerts").asLong()).isEqualTo(1);

            agent.health(dev.mamori.alert.HealthProblem.CONFIG_REFUSED, "mamori.yaml", "mamori.yaml:3: unknown key 'wach'");
            assertThat(status.toJson(agent, Instant.now()).path("problems")).singleElement()
                    .satisfies(p -> assertThat(p.path("kind").asText()).isEqualTo("config-refused"));
            agent.resolved(dev.mamori.alert.HealthProblem.CONFIG_REFUSED);
            assertThat(status.toJson(agent, Instant.now()).path("problems")).isEmpty();
        }
        // the agent rebuilt for a new config (as AgentCommand does) carries the counts on
        Files.copy(corpus.root().resolve("入社手続き_マイナンバー提出.txt"), stick.resolve("mynumber.txt"));
        try (Agent rebuilt = agent("", status)) {
            rebuilt.awaitChecked(3, Duration.ofSeconds(30));
            assertThat(status.toJson(rebuilt, Instant.now()).path("alerts").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aRestartDoesNotReExtractUnchangedFilesAndARenameIsRecognisedByItsHash() throws Exception {
        Path docs = Files.createDirectories(home.resolve("Dropbox/docs"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), docs.resolve("a.csv"));
        Files.copy(corpus.root().resolve("製品仕様書_v2.docx"), docs.resolve("spec.docx"));
        try (Agent agent = agent("")) {
            awaitJsonl(2);
            agent.awaitIdle(Duration.ofSeconds(20));
            assertThat(agent.status().extracted.get()).isEqualTo(2);
        }
        try (Agent agent = agent("")) {
            Thread.sleep(500);
            agent.awaitIdle(Duration.ofSeconds(20));
            assertThat(agent.status().extracted.get()).isZero();
            assertThat(agent.status().unchanged.get()).isEqualTo(2);
            Files.move(docs.resolve("a.csv"), docs.resolve("b.csv"));
            List<JsonNode> alerts = awaitJsonl(3);
            agent.awaitIdle(Duration.ofSeconds(20));
            assertThat(alertFor(alerts, "b.csv").path("mamori").path("records").asInt()).isEqualTo(25);
            assertThat(agent.status().extracted.get()).isZero();
            assertThat(agent.status().reused.get()).isEqualTo(1);
        }
    }

    /**
     * A stop while files are being judged and alerts delivered: close() interrupts no thread that
     * may be inside Lucene (that closes the store's files), so it throws nothing, both stores open
     * again, and the next start alerts on every file the first one did not finish.
     */
    @Test
    void stoppingInTheMiddleOfAScanLosesNoAlertAndLeavesStoresThatOpenAgain() throws Exception {
        Path docs = Files.createDirectories(home.resolve("Dropbox/lists"));
        int files = 30;
        for (int i = 0; i < files; i++) {
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), docs.resolve("list-" + i + ".csv"));
        }
        scanSettings = "pause-ms: 40"; // slow enough to stop it half-way
        Agent first = agent("");
        await().atMost(Duration.ofSeconds(30)).until(() -> first.status().checked() >= 5);
        first.close();
        assertThat(first.status().checked()).isLessThan(files); // stopped mid-scan, not after it

        scanSettings = "";
        try (Agent second = agent("")) {
            second.awaitChecked(files - first.status().checked(), Duration.ofSeconds(60));
            assertThat(dev.mamori.testing.JsonlAlerts.awaitAlertedFiles(data.resolve("alerts.jsonl"), files,
                    Duration.ofSeconds(30))).hasSize(files);
        }
    }

    /** Someone who deletes an alert record while the agent is stopped is reported by the next start. */
    @Test
    void anAlertRecordDeletedWhileTheAgentWasStoppedIsAHealthAlertAtTheNextStart() throws Exception {
        Path docs = Files.createDirectories(home.resolve("Dropbox/docs"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), docs.resolve("a.csv"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), docs.resolve("b.csv"));
        try (Agent agent = agent("")) {
            awaitJsonl(2);
        }
        try (var d = org.apache.lucene.store.FSDirectory.open(data.resolve("alerts"));
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig())) {
            w.deleteDocuments(org.apache.lucene.document.LongPoint.newExactQuery("seq", 1));
            w.commit();
        }
        try (Agent agent = agent("")) {
            JsonNode broken = dev.mamori.testing.JsonlAlerts.awaitOne(data.resolve("alerts.jsonl"),
                    a -> a.path("rule").path("id").asText().equals("agent-health:chain-broken"), "chain-broken",
                    Duration.ofSeconds(30));
            assertThat(broken.path("event").path("kind").asText()).isEqualTo("event");
            assertThat(broken.path("mamori").path("samples").get(0).asText()).startsWith("alert chain broken: ");
        }
    }

    /**
     * A new rule pack judges the files already judged again, at low priority: the pending count
     * shows them until each has a verdict under the new packs (here: alerts that now count the
     * company's employee ids).
     */
    @Test
    void filesJudgedUnderOlderPacksAreJudgedAgainAndCountedAsPendingUntilThen() throws Exception {
        Path staff = Files.createDirectories(home.resolve("Dropbox/staff"));
        int files = 3;
        for (int i = 0; i < files; i++) {
            Files.writeString(staff.resolve("staff-" + i + ".csv"), """
                    氏名,電話番号,社員番号
                    山田 太郎,090-1234-5678,EMP-123456
                    鈴木 花子,080-2345-6789,EMP-234567
                    佐藤 健,070-3456-7890,EMP-345678
                    """);
        }
        try (Agent agent = agent("")) {
            awaitJsonl(files);
        }
        Path pack = Files.writeString(root.resolve("company.yaml"), dev.mamori.testing.CompanyPack.employeeIds(3));
        var withCompanyPack = new dev.mamori.rules.RuleSetLoader(BundledRules.CLOCK).load(List.of(Path.of("rules"), pack));
        scanSettings = "pause-ms: 300"; // slow enough to see the files waiting
        try (Agent agent = agent("", new AgentStatus(), withCompanyPack)) {
            await("files waiting to be judged under the new packs").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(10)).until(() -> agent.rejudgePending() > 0);
            List<JsonNode> rejudged = await("alerts under the new packs").atMost(Duration.ofSeconds(30))
                    .until(() -> dev.mamori.testing.JsonlAlerts.read(data.resolve("alerts.jsonl")).stream()
                            .filter(a -> a.path("mamori").path("types").has("EMPLOYEE_ID")).toList(), l -> l.size() >= files);
            assertThat(rejudged).allSatisfy(a -> assertThat(a.path("mamori").path("packs").toString()).contains("company"));
            await("nothing pending").atMost(Duration.ofSeconds(10)).until(() -> agent.rejudgePending() == 0);
            assertThat(agent.status().unchanged.get()).as("none passed over as unchanged").isZero();
        } finally {
            scanSettings = "";
        }
    }

    @Test
    void theQuarantinePolicyMovesTheFileLeavesANoteAndRestoresByteForByte() throws Exception {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        try (Agent agent = agent("actions: {quarantine-min-severity: high}")) {
            Path copied = stick.resolve("顧客リスト.csv");
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), copied, StandardCopyOption.REPLACE_EXISTING);
            JsonNode alert = alertFor(awaitJsonl(1), "顧客リスト.csv");
            assertThat(alert.path("mamori").path("action").asText()).isEqualTo("quarantine");
            String id = alert.path("mamori").path("quarantine_id").asText();
            assertThat(copied).doesNotExist();
            assertThat(stick.resolve("顧客リスト.csv" + Quarantine.NOTE_SUFFIX)).content(StandardCharsets.UTF_8)
                    .contains("隔離", "quarantined", id);
            agent.close();
            new Quarantine(data.resolve("quarantine"), Clock.systemUTC()).restore(id, ProcessUser.current(), "needed", p -> true);
            assertThat(Files.readAllBytes(copied))
                    .isEqualTo(Files.readAllBytes(corpus.root().resolve("顧客リスト_202611.csv")));
            assertThat(stick.resolve("顧客リスト.csv" + Quarantine.NOTE_SUFFIX)).doesNotExist();
        }
    }

    @Test
    void turningQuarantineOnActsOnFilesAlreadyAtExitPointsAsAQuarantineEventOfItsOwn() throws Exception {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        Path list = stick.resolve("顧客リスト.csv");
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), list);
        JsonNode alerted;
        try (Agent agent = agent("")) {
            alerted = alertFor(awaitJsonl(1), "顧客リスト.csv");
            assertThat(alerted.path("mamori").path("action").asText()).isEqualTo("alert");
        }
        assertThat(list).exists();
        try (Agent agent = agent("actions: {quarantine-min-severity: high}")) {
            JsonNode quarantined = alertFor(awaitJsonl(2).subList(1, 2), "顧客リスト.csv");
            assertThat(quarantined.path("mamori").path("action").asText()).isEqualTo("quarantine");
            assertThat(quarantined.path("event").path("id").asText()).isNotEqualTo(alerted.path("event").path("id").asText());
            assertThat(list).doesNotExist();
            assertThat(agent.status().extracted.get()).as("the verdict stood: the file was not read again").isZero();
        }
    }

    @Test
    void aSameSizeOverwriteWithTheOldModificationTimePutBackIsJudgedAgainAtAnExitPoint() throws Exception {
        Path stick = Files.createDirectories(media.resolve("STICK"));
        byte[] personal = Files.readAllBytes(corpus.root().resolve("入社手続き_マイナンバー提出.txt"));
        Path notes = stick.resolve("notes.txt");
        Files.write(notes, "a".repeat(personal.length).getBytes(StandardCharsets.US_ASCII));
        java.nio.file.attribute.FileTime judged = Files.getLastModifiedTime(notes);
        try (Agent agent = agent("")) {
            agent.awaitChecked(1, Duration.ofSeconds(30));
            agent.awaitIdle(Duration.ofSeconds(20));
        }
        assertThat(data.resolve("alerts.jsonl")).satisfiesAnyOf(f -> assertThat(f).doesNotExist(), f -> assertThat(f).isEmptyFile());
        // while the agent is stopped: the same number of bytes, and the old time put back
        Files.write(notes, personal);
        Files.setLastModifiedTime(notes, judged);
        assertThat(Files.size(notes)).isEqualTo(personal.length);
        try (Agent agent = agent("")) {
            JsonNode alert = alertFor(awaitJsonl(1), "notes.txt");
            assertThat(alert.path("mamori").path("severity").asText()).isEqualTo("high");
        }
    }
}
