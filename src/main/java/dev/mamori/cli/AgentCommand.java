package dev.mamori.cli;

import dev.mamori.agent.Agent;
import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.RuleUpdates;
import dev.mamori.alert.HealthProblem;
import dev.mamori.config.ConfigException;
import dev.mamori.platform.ExitPoints;
import dev.mamori.rules.RuleSet;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run the background agent in the foreground (for systemd, launchd or a Windows service wrapper): "
                + "watch exit points, scan arriving files, raise alerts. Stops cleanly on SIGTERM.")
final class AgentCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);
    /** How often the config file and rule packs are checked for changes (a stat each, no parsing). */
    private static final long RELOAD_CHECK_MS = 5_000;

    @Mixin
    AgentOptions options;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Agent.Environment env = new Agent.Environment(ExitPoints.forThisMachine(), Clock.systemUTC(), hostName(),
                System.getProperty("user.name"), VersionProvider.version());
        AgentStartup startup = new AgentStartup(options, err);
        AgentStartup.Started started;
        try {
            started = startup.start((c, loaded) -> new Agent(c, loaded.rules(), env));
        } catch (IOException | ConfigException e) {
            err.println("mamori: the agent could not start, not even with the built-in defaults: " + e.getMessage());
            return ExitCodes.FATAL;
        }
        AgentConfig config = started.config();
        Agent[] agent = {started.agent()};
        started.bundleProblem().ifPresent(p -> agent[0].health(HealthProblem.BUNDLE_REFUSED, "rules-bundle", p));
        RuleUpdates updates = startBundleUpdates(config, agent);
        Thread hook = new Thread(() -> {
            closeQuietly(agent[0]);
            stopped.countDown();
        }, "mamori-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopOnSigterm();
        Map<Path, Long> watchedFiles = stamps(config);
        while (!stopped.await(RELOAD_CHECK_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            Map<Path, Long> now = stamps(config);
            if (now.equals(watchedFiles)) {
                continue;
            }
            watchedFiles = now;
            AgentConfig newConfig = options.loadWithSecrets(new PrintWriter(new StringWriter()));
            if (newConfig == null) {
                String problem = "agent config " + options.configFile() + " refused; the previous config stays in force";
                LOG.error(problem);
                agent[0].health(HealthProblem.CONFIG_REFUSED, String.valueOf(options.configFile()), problem);
                continue;
            }
            agent[0].resolved(HealthProblem.CONFIG_REFUSED);
            try {
                RuleUpdates.Loaded reloaded = RuleUpdates.load(newConfig);
                RuleSet newRules = reloaded.rules();
                reloaded.bundleProblem().ifPresent(p -> agent[0].health(HealthProblem.BUNDLE_REFUSED, "rules-bundle", p));
                if (newConfig.equals(config)) {
                    agent[0].reload(newRules);
                } else {
                    // validated above; the new agent needs the stores the old one holds, so the old
                    // one stops first, and comes back when the new one cannot start
                    LOG.info("agent config changed: restarting the agent's components");
                    closeQuietly(agent[0]);
                    Agent next = new Agent(newConfig, newRules, env, agent[0].status()); // counters carry on
                    try {
                        next.start();
                    } catch (IOException | RuntimeException e) {
                        String problem = "agent config " + options.configFile() + " could not start (" + e.getMessage()
                                + "); the previous config stays in force";
                        LOG.error(problem);
                        agent[0] = new Agent(config, agent[0].rules(), env, agent[0].status());
                        agent[0].start();
                        agent[0].health(HealthProblem.CONFIG_REFUSED, String.valueOf(options.configFile()), problem);
                        continue;
                    }
                    agent[0] = next;
                    if (!java.util.Objects.equals(newConfig.bundle(), config.bundle())) {
                        if (updates != null) {
                            updates.close();
                        }
                        updates = startBundleUpdates(newConfig, agent);
                    }
                    config = newConfig;
                }
                startup.remember(newConfig);
                agent[0].resolved(HealthProblem.RULES_REFUSED);
            } catch (ConfigException e) {
                String problem = "rule packs refused; the previous rules stay in force: " + e.getMessage();
                LOG.error(problem);
                agent[0].health(HealthProblem.RULES_REFUSED, "rules", problem.length() > 2_000 ? problem.substring(0, 2_000) : problem);
            }
        }
        closeQuietly(agent[0]); // stopped by SIGTERM: close here, then exit 0 (the hook finds it closed)
        return ExitCodes.CLEAN;
    }

    /** Fetches the organisation's rule bundle on its schedule (null when bundles are off or cannot start). */
    private static RuleUpdates startBundleUpdates(AgentConfig config, Agent[] agent) {
        if (config.bundle() == null) {
            return null;
        }
        String source = dev.mamori.bundle.BundleUpdater.safe(config.bundle().url());
        RuleUpdates updates;
        try {
            updates = new RuleUpdates(config);
        } catch (IOException e) {
            LOG.error("rule bundle updates off: {}", e.getMessage());
            agent[0].health(HealthProblem.BUNDLE_REFUSED, source, "rule bundle updates off: " + e.getMessage());
            return null;
        }
        updates.start(result -> {
            switch (result.kind()) {
                case INSTALLED -> {
                    LOG.info("rule bundle {} installed from {}; applied at the next reload check", result.version(), source);
                    agent[0].resolved(HealthProblem.BUNDLE_REFUSED);
                    agent[0].resolved(HealthProblem.BUNDLE_UNREACHABLE);
                }
                case UNCHANGED -> agent[0].resolved(HealthProblem.BUNDLE_UNREACHABLE);
                case REFUSED -> {
                    LOG.error("rule bundle refused: {}", result.problem());
                    agent[0].health(HealthProblem.BUNDLE_REFUSED, source, result.problem());
                }
                case UNREACHABLE -> {
                    LOG.warn("rule bundle: {}", result.problem());
                    agent[0].problem(HealthProblem.BUNDLE_UNREACHABLE, source, result.problem());
                }
            }
        });
        return updates;
    }

    /**
     * A service manager's stop is SIGTERM, and a JVM ended by a signal exits with 128 + 15 = 143,
     * which systemd counts as a failure. So SIGTERM only ends the wait above: the agent closes and
     * the command returns 0. Where there is no SIGTERM (Windows), the shutdown hook stops the agent.
     */
    private void stopOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> stopped.countDown());
        } catch (IllegalArgumentException | LinkageError e) {
            LOG.debug("no SIGTERM handler ({}); the shutdown hook stops the agent", e.toString());
        }
    }

    /** Modification times of the config file and the extra rule packs. */
    private Map<Path, Long> stamps(AgentConfig config) {
        Map<Path, Long> out = new HashMap<>();
        List<Path> roots = new ArrayList<>(config.extraRules());
        if (RuleUpdates.stampFile(config) != null) {
            roots.add(RuleUpdates.stampFile(config)); // a bundle installed: reload
        }
        if (options.configFile() != null) {
            roots.add(options.configFile());
        }
        for (Path root : roots) {
            try (Stream<Path> s = Files.isDirectory(root) ? Files.list(root) : Stream.of(root)) {
                s.forEach(p -> {
                    try {
                        out.put(p, Files.getLastModifiedTime(p).toMillis());
                    } catch (IOException e) {
                        out.put(p, -1L);
                    }
                });
            } catch (IOException e) {
                out.put(root, -1L);
            }
        }
        return out;
    }

    private static void closeQuietly(Agent agent) {
        try {
            agent.close();
        } catch (IOException | RuntimeException e) {
            LOG.error("stopping the agent: {}", e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
