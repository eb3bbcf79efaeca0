package dev.mamori.cli;

import dev.mamori.agent.AgentConfig;
import dev.mamori.agent.AgentConfigException;
import dev.mamori.agent.AgentConfigLoader;
import dev.mamori.config.ConfigProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --data-dir DIR}: which agent config and data the command uses. */
final class AgentOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Agent config (default: $MAMORI_CONFIG, else ~/.mamori/mamori.yaml if present, else built-in defaults).")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Overrides the config's data-dir.")
    Path dataDir;

    @Option(names = "--store", paramLabel = "DIR", description = "Reads this alert store (a collector's) instead of the agent's.")
    Path store;

    Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    /** The config file in use, or null for the built-in defaults. */
    Path configFile() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("MAMORI_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path user = home().resolve(".mamori/mamori.yaml");
        return Files.exists(user) ? user : null;
    }

    /**
     * The agent's alert store folder for a command that reads it; prints why and returns null when
     * the config is refused or no agent has stored alerts there.
     */
    Path alertStore(PrintWriter err, String command) {
        if (store != null) {
            if (!Files.isDirectory(store)) {
                err.println("mamori " + command + ": no alert store in " + store);
                err.flush();
                return null;
            }
            return store;
        }
        AgentConfig c = load(err);
        if (c == null) {
            return null;
        }
        Path store = c.dataDir().resolve("alerts");
        if (!Files.isDirectory(store)) {
            err.println("mamori " + command + ": no alert store in " + c.dataDir());
            err.flush();
            return null;
        }
        return store;
    }

    /** Loads the config; prints every problem and returns null when it is refused. */
    AgentConfig load(PrintWriter err) {
        return load(err, false);
    }

    /**
     * The same, reading the secrets the config refers to (the webhook's header values): for the
     * agent only, so that auditors' commands need no access to them.
     */
    AgentConfig loadWithSecrets(PrintWriter err) {
        return load(err, true);
    }

    /** The loader the agent itself uses: it reads the secrets the config refers to. */
    AgentConfigLoader agentLoader() {
        return new AgentConfigLoader(home()).readingSecrets(System::getenv);
    }

    /** {@code c} with {@code --data-dir} applied, when it was given. */
    AgentConfig overridden(AgentConfig c) {
        if (dataDir == null) {
            return c;
        }
        Path data = dataDir.toAbsolutePath().normalize();
        var b = c.bundle();
        var a = c.alerts();
        // the alerts file follows the data folder when it lay inside it
        Path jsonl = a.jsonl() != null && a.jsonl().startsWith(c.dataDir()) ? data.resolve(c.dataDir().relativize(a.jsonl())) : a.jsonl();
        AgentConfig.Alerts alerts = new AgentConfig.Alerts(jsonl, a.syslogHost(), a.syslogPort(), a.syslogTransport(), a.syslogCa(),
                a.syslogEnterpriseNumber(), a.webhookUrl(),
                a.webhookTimeout(), a.webhookHeaders(), a.maskFileNames(), a.spoolMax(), a.retry(), a.kafka());
        return new AgentConfig(c.source(), data, c.watch(), c.scan(), c.extraRules(), c.actions(), alerts,
                b == null ? null : new AgentConfig.Bundle(b.url(), b.publicKey(), b.ca(), b.every(), data.resolve("rules-bundle")));
    }

    /**
     * Where the agent keeps the config and packs it last started with. Not inside the config's
     * data-dir, which is unknown when the config cannot be read: in {@code --data-dir}, else in the
     * built-in default data folder of the user the agent runs as.
     */
    Path lastGoodDir() {
        Path data = dataDir != null ? dataDir.toAbsolutePath().normalize() : new AgentConfigLoader(home()).defaultsOnly().dataDir();
        return data.resolve("last-good");
    }

    private AgentConfig load(PrintWriter err, boolean secrets) {
        Path file = configFile();
        AgentConfigLoader loader = secrets ? agentLoader() : new AgentConfigLoader(home());
        try {
            return overridden(file == null ? loader.defaultsOnly() : loader.load(file));
        } catch (AgentConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.println("mamori: agent config refused (" + e.problems().size() + " problem(s))");
        } catch (IOException e) {
            err.println("mamori: cannot read agent config " + file + ": " + e.getMessage());
        }
        err.flush();
        return null;
    }
}
