package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.platform.ExitPoints;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import dev.mamori.state.FileState;
import dev.mamori.state.StateStore;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's failures of issue 7, each reproduced with real files: a detector that overflows the
 * stack, a file that killed the previous process, an alert store that cannot take the alert, a
 * replay after a crash, an archive member's immense name, a walk blocked on a full queue, an
 * archive of many customer lists.
 */
class AgentFaultTest {

    @TempDir
    static Path samples;
    static RealisticCorpus corpus;

    @TempDir
    Path root;
    Path watched;
    Path data;

    @BeforeAll
    static void files() throws Exception {
        corpus = RealisticCorpus.writeTo(samples.resolve("corpus"));
    }

    @BeforeEach
    void folders() throws Exception {
        watched = Files.createDirectories(root.resolve("share"));
        data = root.resolve("data");
    }

    private Agent agent(RuleSet rules) throws Exception {
        return agent(rules, "{isolation: in_process, workers: 1}");
    }

    private Agent agent(RuleSet rules, String scan) throws Exception {
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: %s
                """.formatted(data, watched, scan));
        AgentConfig c = new AgentConfigLoader(root).load(config);
        Agent agent = new Agent(c, rules, new Agent.Environment(new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, root, List.of()),
                Clock.systemUTC(), "laptop-01", "taro", "test"));
        agent.start();
        return agent;
    }

    /** The bundled packs plus a rule whose regex recurses once per character: a long run overflows any stack. */
    private RuleSet rulesWithADeepRegex() throws Exception {
        Path pack = Files.writeString(root.resolve("deep.yaml"), """
                pack: deep-regex
                version: 1
                description: a rule whose regex recurses once per character
                rules:
                  - id: deep
                    type: CONFIDENTIAL_MARKER
                    description: runs of a and b closed by c
                    patterns:
                      - '(?:a|b)+c'
                    confidence: high
                    mask: none
                    samples:
                      positive: ['abac']
                      negative: ['xyz']
                """);
        return new RuleSetLoader(BundledRules.CLOCK).load(List.of(Path.of("rules"), pack));
    }

    private List<Alert> alerts() throws Exception {
        return AlertStore.searchReadOnly(data.resolve("alerts"), "*:*", 1_000);
    }

    @Test
    void aStackOverflowInADetectorIsThatFilesOutcomeAndLaterFilesAreStillJudged() throws Exception {
        Path deep = watched.resolve("deep.txt");
        Files.writeString(deep, "a".repeat(150_000) + "c", StandardCharsets.UTF_8);
        try (Agent agent = agent(rulesWithADeepRegex())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("later.csv"));
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().checked()).isEqualTo(2);
        }
        List<Alert> alerts = alerts();
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.path()).endsWith("later.csv");
            assertThat(a.severity()).isEqualTo(dev.mamori.verdict.Severity.HIGH);
        });
        // as in scan: the detector's failure costs its document, which is uninspectable, never clean
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.isHealth()).isFalse();
            assertThat(a.path()).isEqualTo(deep.toAbsolutePath().toString());
            assertThat(a.severity()).isEqualTo(dev.mamori.verdict.Severity.MEDIUM);
        });
        FileState s = state(deep).orElseThrow();
        assertThat(s.resultsJson()).contains("\"error\"", "detection-failed", "StackOverflowError");
        assertThat(data.resolve(InProgress.FOLDER)).isEmptyDirectory();
    }

    @Test
    void aFileLeftInProgressTwiceIsAPoisonFileWithAHealthAlertAndIsNotTriedAgainUntilItChanges() throws Exception {
        Path poison = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("poison.csv"));
        Path fine = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("fine.csv"));
        String key = poison.toAbsolutePath().toString();
        long size = Files.size(poison);
        long mtime = Files.getLastModifiedTime(poison).toMillis();
        // two earlier processes died while judging it (what InProgress leaves behind on an OutOfMemoryError exit)
        Files.createDirectories(data);
        InProgress earlier = new InProgress(data);
        earlier.begin(key, size, mtime);
        InProgress second = new InProgress(data);
        second.leftovers();
        assertThat(second.begin(key, size, mtime).attempts()).isEqualTo(2);

        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().poisoned.get()).isEqualTo(1);
            assertThat(agent.status().extracted.get()).isEqualTo(1); // only fine.csv was read
        }
        List<Alert> alerts = alerts();
        assertThat(alerts).filteredOn(a -> !a.isHealth()).extracting(Alert::path)
                .containsExactly(fine.toAbsolutePath().toString());
        assertThat(alerts).filteredOn(Alert::isHealth).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo(key);
            assertThat(a.samples()).singleElement().asString().contains("poison file");
        });
        assertThat(state(poison).orElseThrow().resultsJson()).contains("\"error\"", "poison file");
        assertThat(data.resolve(InProgress.FOLDER)).isEmptyDirectory();

        // changed content is judged afresh
        Files.write(poison, "\r\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().extracted.get()).isEqualTo(1);
        }
        assertThat(alerts()).filteredOn(a -> !a.isHealth()).extracting(Alert::path).contains(key);
    }

    @Test
    void aFileLeftInProgressOnceIsTriedOnceMore() throws Exception {
        Path killed = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("killed.csv"));
        Files.createDirectories(data);
        new InProgress(data).begin(killed.toAbsolutePath().toString(), Files.size(killed),
                Files.getLastModifiedTime(killed).toMillis()); // a kill -9 or power cut while it was judged
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            assertThat(agent.status().poisoned.get()).isZero();
        }
        assertThat(alerts()).extracting(Alert::path).containsExactly(killed.toAbsolutePath().toString());
        assertThat(data.resolve(InProgress.FOLDER)).isEmptyDirectory();
    }

    @Test
    void whenTheAlertCannotBeStoredTheFilesStateIsNotWrittenAndItIsJudgedAgainLater() throws Exception {
        Path first = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("first.csv"));
        Path second = watched.resolve("second.csv");
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            // the alert store's folder disappears under the running agent: its next commit fails for real
            deleteTree(data.resolve("alerts"));
            Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), second);
            Files.write(second, "\r\n".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().alerts.get()).isEqualTo(1);
            try {
                agent.close();
            } catch (Exception storeGone) {
                // closing a store whose folder was deleted may fail; the state store is closed before it
            }
        }
        assertThat(state(first)).isPresent();
        assertThat(state(second)).as("state of a file whose alert was not stored").isEmpty();

        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().extracted.get()).isEqualTo(1);
        }
        assertThat(alerts()).filteredOn(a -> !a.isHealth()).extracting(Alert::path)
                .containsExactly(second.toAbsolutePath().toString());
        assertThat(state(second)).isPresent();
    }

    @Test
    void judgingTheSameContentAgainAfterACrashGivesTheSameAlertId() throws Exception {
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("list.csv"));
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
        }
        deleteTree(data.resolve("state")); // as if the process had died before the state was committed
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            assertThat(agent.status().extracted.get()).isEqualTo(1);
        }
        List<Alert> alerts = alerts();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).id()).isEqualTo(alerts.get(1).id());
        assertThat(alerts.get(0).seq()).isNotEqualTo(alerts.get(1).seq());
    }

    @Test
    void anArchiveMemberWithANameLongerThanLucenesTermLimitIsAlerted() throws Exception {
        Path zip = watched.resolve("export.zip");
        String longName = "顧".repeat(12_000) + ".csv"; // 36 KB in UTF-8
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry(longName));
            out.write(Files.readAllBytes(corpus.root().resolve("顧客リスト_202611.csv")));
            out.closeEntry();
        }
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
        }
        assertThat(alerts()).filteredOn(a -> !a.isHealth()).singleElement().satisfies(a -> {
            assertThat(a.path()).startsWith(zip.toAbsolutePath().toString()).contains("顧".repeat(12_000));
            assertThat(a.severity()).isEqualTo(dev.mamori.verdict.Severity.HIGH);
        });
        assertThat(state(zip)).isPresent();
    }

    @Test
    void aWalkWaitingOnAFullQueueDoesNotHoldUpTheStatusFile() throws Exception {
        int files = 20;
        for (int i = 0; i < files; i++) {
            Files.writeString(watched.resolve("note-" + i + ".txt"), "会議メモ " + i, StandardCharsets.UTF_8);
        }
        try (Agent agent = agent(BundledRules.get(), "{isolation: in_process, workers: 1, queue-size: 1, pause-ms: 300}")) {
            Path status = data.resolve(AgentStatus.FILE);
            await("the first status.json").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(status));
            // the walk needs about files × pause to get through the one-place queue; housekeeping runs every second
            var written = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.toFile());
            assertThat(written.path("scanned").asInt()).as("files scanned when status.json was first written")
                    .isLessThan(files / 2);
        }
    }

    @Test
    void anArchiveOfManyCustomerListsIsOneAlertListingItsMembers() throws Exception {
        Path zip = watched.resolve("export.zip");
        int members = 30;
        byte[] list = Files.readAllBytes(corpus.root().resolve("顧客リスト_202611.csv"));
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < members; i++) {
                out.putNextEntry(new java.util.zip.ZipEntry("customers-" + String.format("%02d", i) + ".csv"));
                out.write(list);
                out.closeEntry();
            }
        }
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(120));
            assertThat(agent.status().alerts.get()).isEqualTo(1);
        }
        assertThat(alerts()).singleElement().satisfies(a -> {
            assertThat(a.path()).isEqualTo(zip.toAbsolutePath().toString());
            assertThat(a.severity()).isEqualTo(dev.mamori.verdict.Severity.HIGH);
            assertThat(a.memberCount()).isEqualTo(members);
            assertThat(a.members()).hasSize(Alert.MAX_MEMBERS).allSatisfy(m -> assertThat(m).startsWith(a.path() + "!/"));
            assertThat(a.records()).isEqualTo(25 * members);
            assertThat(a.samples()).hasSizeLessThanOrEqualTo(AlertFactory.MAX_SAMPLES);
        });
        assertThat(AlertStore.searchReadOnly(data.resolve("alerts"), "path:*customers-07.csv", 10)).hasSize(1);
    }

    @Test
    @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void aLinkToAFifoSwappedInBeforeTheScanIsNeverOpened() throws Exception {
        Path fifo = root.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path link = Files.createSymbolicLink(watched.resolve("report.csv"), fifo); // was a regular file when the event came
        try (Agent agent = agent(BundledRules.get())) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> agent.scan(new Agent.Task(link, new dev.mamori.watch.Place(watched, dev.mamori.platform.ExitPointKind.WATCHED))));
            assertThat(agent.status().skipped.get()).isPositive();
        }
        assertThat(state(link)).isEmpty();
    }

    @Test
    void aDamagedStateStoreIsMovedAsideAndRebuiltWithAHealthAlert() throws Exception {
        Path list = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("list.csv"));
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
        }
        try (var files = Files.list(data.resolve("state"))) {
            for (Path segments : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                byte[] bytes = Files.readAllBytes(segments);
                Files.write(segments, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated by a crash
            }
        }
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            assertThat(agent.status().extracted.get()).as("judged again: the old state is gone").isEqualTo(1);
        }
        assertThat(alerts()).filteredOn(Alert::isHealth).singleElement().satisfies(a ->
                assertThat(a.samples().get(0)).contains("state store damaged", "rebuilt"));
        assertThat(state(list)).isPresent();
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.damaged-"));
        }
    }

    @Test
    void aDamagedSinkPositionIsRebuiltSoNoAlertIsLost() throws Exception {
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), watched.resolve("list.csv"));
        Files.createDirectories(data.resolve("positions"));
        Files.writeString(data.resolve("positions/jsonl.position"), ""); // emptied by a crash
        try (Agent agent = agent(BundledRules.get())) {
            agent.awaitChecked(1, Duration.ofSeconds(60));
            Path jsonl = data.resolve("alerts.jsonl");
            dev.mamori.testing.JsonlAlerts.awaitCount(jsonl, 2, Duration.ofSeconds(20));
            assertThat(Files.readAllLines(jsonl)).hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("agent-health", "position of sink jsonl damaged"))
                    .anySatisfy(l -> assertThat(l).contains("personal-data-detected", "list.csv"));
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Optional<FileState> state(Path file) throws Exception {
        return StateStore.readAll(data.resolve("state")).stream()
                .filter(s -> s.path().equals(file.toAbsolutePath().toString())).findFirst();
    }
}
