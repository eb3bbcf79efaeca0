package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertStore;
import dev.mamori.platform.ExitPoints;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent passes over inside a watched tree: its own data folder, and the paths the rule
 * packs exclude ({@code .git/}, {@code node_modules/}), exactly as {@code mamori scan} does.
 */
class AgentExclusionsTest {

    @TempDir
    static Path samples;
    static RealisticCorpus corpus;

    @TempDir
    Path root;

    @BeforeAll
    static void files() throws Exception {
        corpus = RealisticCorpus.writeTo(samples.resolve("corpus"));
    }

    @Test
    void theAgentsOwnDataFolderAndThePacksExcludedPathsAreNotJudged() throws Exception {
        Path watched = Files.createDirectories(root.resolve("share"));
        Path data = watched.resolve("mamori-data"); // the agent's data folder inside the watched tree
        Path list = corpus.root().resolve("顧客リスト_202611.csv");
        Files.copy(list, watched.resolve("before.csv"));
        Files.copy(list, Files.createDirectories(watched.resolve("repo/.git")).resolve("list.csv"));
        Files.copy(list, Files.createDirectories(watched.resolve("app/node_modules/pkg")).resolve("list.csv"));
        Path config = Files.writeString(root.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 100}
                scan: {isolation: in_process, workers: 1}
                """.formatted(data, watched));
        AgentConfig c = new AgentConfigLoader(root).load(config);
        try (Agent agent = new Agent(c, BundledRules.get(), new Agent.Environment(new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, root, List.of()),
                Clock.systemUTC(), "laptop-01", "taro", "test"))) {
            agent.start();
            agent.awaitChecked(1, Duration.ofSeconds(60));
            // arriving while it runs: seen by the watcher, not only by the first walk
            Files.copy(list, watched.resolve("repo/.git/later.csv"));
            Files.copy(list, watched.resolve("after.csv"));
            agent.awaitChecked(2, Duration.ofSeconds(60));
            assertThat(agent.status().checked()).as("files checked (the data folder holds many more)").isEqualTo(2);
        }
        assertThat(AlertStore.searchReadOnly(data.resolve("alerts"), "*:*", 100)).extracting(Alert::path)
                .containsExactlyInAnyOrder(watched.resolve("before.csv").toString(), watched.resolve("after.csv").toString());
    }
}
