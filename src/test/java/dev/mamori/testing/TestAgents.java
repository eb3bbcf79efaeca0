package dev.mamori.testing;

import dev.mamori.agent.Agent;
import dev.mamori.agent.AgentConfigLoader;
import dev.mamori.platform.ExitPoints;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A started agent over a test folder, the way the auditor-command tests fill a store: the config
 * file's settings, the bundled rules, removable media mounted under {@code root/media/taro}, user
 * {@code taro}. The caller closes it.
 */
public final class TestAgents {

    private TestAgents() {
    }

    public static Agent started(Path root, Path config, String host) throws Exception {
        Agent agent = new Agent(new AgentConfigLoader(root).load(config), BundledRules.get(), new Agent.Environment(
                new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, root, List.of(root.resolve("media/taro"))), Clock.systemUTC(), host, "taro", "t"));
        agent.start();
        return agent;
    }
}
