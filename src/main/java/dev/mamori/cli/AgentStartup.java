package dev.mamori.cli;

import dev.mamori.agent.Agent;
import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.AgentConfigException;
import dev.mamori.agent.LastGood;
import dev.mamori.agent.RuleUpdates;
import dev.mamori.alert.HealthProblem;
import dev.mamori.config.ConfigException;
import dev.mamori.config.ConfigProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the agent so that a mistake in its config or custom packs never leaves the machine
 * unprotected and the SIEM uninformed. The problems are printed ({@code file:line}, no secrets); the
 * agent then runs with the last good config and packs ({@link LastGood}), else the built-in defaults
 * and the bundled packs, and raises each refusal as a health alert once its sinks are up. Only a
 * setup the agent started with as configured becomes the new last good one.
 */
final class AgentStartup {

    private static final Logger LOG = LoggerFactory.getLogger(AgentStartup.class);
    private static final int MAX_PROBLEM_CHARS = 2_000;

    /** A refusal to raise as a health alert. */
    record Refusal(HealthProblem kind, String subject, String problem) {
    }

    /** The running agent, the config it runs, whether that is the configured one, and why the installed bundle was left out. */
    record Started(Agent agent, AgentConfig config, boolean asConfigured, Optional<String> bundleProblem) {
    }

    private final AgentOptions options;
    private final LastGood lastGood;
    private final PrintWriter err;

    AgentStartup(AgentOptions options, PrintWriter err) {
        this.options = options;
        this.lastGood = new LastGood(options.lastGoodDir());
        this.err = err;
    }

    /**
     * Starts the first setup that loads and starts: as configured, the last good one, the defaults.
     *
     * @param build makes an agent for a config and its rules (not started)
     * @throws IOException when not even the defaults with the bundled packs can start
     */
    Started start(BiFunction<AgentConfig, RuleUpdates.Loaded, Agent> build) throws IOException, ConfigException {
        List<Refusal> refusals = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        configured(refusals).ifPresent(c -> candidates.add(new Candidate(c, true, "as configured")));
        lastGoodConfig(refusals).ifPresent(c -> candidates.add(new Candidate(c, false, "the last good config in " + lastGood.dir())));
        candidates.add(new Candidate(options.overridden(options.agentLoader().defaultsOnly()), false, "the built-in defaults"));
        IOException last = null;
        for (Candidate candidate : candidates) {
            RuleUpdates.Loaded rules = rules(candidate, refusals);
            Agent agent = build.apply(candidate.config, rules);
            try {
                agent.start();
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e);
                closeQuietly(agent);
                String problem = "the agent could not start with " + candidate.what + ": " + e.getMessage();
                LOG.error(problem);
                err.println("mamori: " + problem);
                refusals.add(new Refusal(HealthProblem.CONFIG_REFUSED, String.valueOf(options.configFile()), problem));
                continue;
            }
            if (!candidate.asConfigured) {
                LOG.warn("the agent runs with {} until its config and packs are fixed", candidate.what);
                err.println("mamori: running with " + candidate.what + " until the config and packs are fixed");
            }
            for (Refusal r : refusals) {
                agent.health(r.kind(), r.subject(), r.problem());
            }
            boolean asConfigured = candidate.asConfigured && refusals.isEmpty();
            if (asConfigured) {
                remember(candidate.config);
            }
            err.flush();
            return new Started(agent, candidate.config, asConfigured, rules.bundleProblem());
        }
        throw last;
    }

    /** Keeps a setup that started as configured as the next fallback (a failure only costs the fallback). */
    void remember(AgentConfig config) {
        try {
            lastGood.remember(config);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not keep the config as the last good one in {}: {}", lastGood.dir(), e.toString());
        }
    }

    private Optional<AgentConfig> configured(List<Refusal> refusals) {
        StringWriter problems = new StringWriter();
        AgentConfig config = options.loadWithSecrets(new PrintWriter(problems));
        err.print(problems);
        if (config == null) {
            refusals.add(new Refusal(HealthProblem.CONFIG_REFUSED, String.valueOf(options.configFile()),
                    cap("agent config refused: " + problems.toString().strip())));
        }
        return Optional.ofNullable(config);
    }

    private Optional<AgentConfig> lastGoodConfig(List<Refusal> refusals) {
        try {
            return lastGood.config(options.agentLoader()).map(options::overridden);
        } catch (AgentConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.println("mamori: the last good config in " + lastGood.dir() + " no longer loads");
        } catch (IOException e) {
            err.println("mamori: cannot read the last good config in " + lastGood.dir() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The candidate's packs, else the last good packs, else the bundled ones alone. */
    private RuleUpdates.Loaded rules(Candidate candidate, List<Refusal> refusals) throws IOException, ConfigException {
        try {
            return RuleUpdates.load(candidate.config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            refusals.add(new Refusal(HealthProblem.RULES_REFUSED, "rules", cap("rule packs refused: " + e.getMessage())));
        }
        List<Path> kept = lastGood.packs();
        if (!kept.isEmpty() && !kept.equals(candidate.config.extraRules())) {
            try {
                err.println("mamori: using the last good rule packs in " + lastGood.dir());
                return RuleUpdates.load(candidate.config.withExtraRules(kept));
            } catch (ConfigException e) {
                err.println("mamori: the last good packs no longer load: " + e.getMessage());
            }
        }
        err.println("mamori: using the bundled rule packs only");
        return RuleUpdates.load(candidate.config.withExtraRules(List.of()));
    }

    private static String cap(String problem) {
        return problem.length() > MAX_PROBLEM_CHARS ? problem.substring(0, MAX_PROBLEM_CHARS) + "…" : problem;
    }

    private static void closeQuietly(Agent agent) {
        try {
            agent.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing an agent that did not start: {}", e.toString());
        }
    }

    private record Candidate(AgentConfig config, boolean asConfigured, String what) {
    }
}
