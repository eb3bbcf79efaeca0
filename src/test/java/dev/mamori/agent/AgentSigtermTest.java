package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.testing.MamoriProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A service manager's stop (SIGTERM) is a clean stop: the agent closes its stores and exits 0, not 143. */
@DisabledOnOs(OS.WINDOWS)
class AgentSigtermTest {

    @TempDir
    Path root;

    @Test
    void sigtermClosesTheAgentAndExitsZero() throws Exception {
        Path watched = Files.createDirectories(root.resolve("share"));
        Path data = root.resolve("data");
        Path config = Files.writeString(root.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {paths: ['%s'], removable-media: false, cloud-sync: false}
                scan: {isolation: in_process}
                """.formatted(data, watched));
        Process agent = MamoriProcess.start(root.resolve("agent.log"), "agent", "--config", config.toString());
        try {
            Path status = data.resolve("status.json");
            await("the agent reporting itself running").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        assertThat(agent.isAlive()).as("agent alive; log: %s", log()).isTrue();
                        return Files.exists(status) && Files.readString(status).contains("\"running\"");
                    });
            agent.destroy(); // SIGTERM
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(agent.exitValue()).as("exit status; log: %s", log()).isZero();
            assertThat(new ObjectMapper().readTree(status.toFile()).path("state").asText()).isEqualTo("stopped");
        } finally {
            agent.destroyForcibly();
        }
    }

    private String log() throws Exception {
        return Files.readString(root.resolve("agent.log"));
    }
}
