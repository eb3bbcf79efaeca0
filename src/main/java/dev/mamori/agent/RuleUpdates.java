package dev.mamori.agent;

import dev.mamori.bundle.BundleException;
import dev.mamori.bundle.BundleKeys;
import dev.mamori.bundle.BundleUpdater;
import dev.mamori.bundle.RuleBundle;
import dev.mamori.config.ConfigException;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The rule packs the agent runs, and how the organisation's signed bundle reaches them. The packs
 * are the bundled ones, then the installed bundle's (verified again from disk), then the config's
 * {@code rules.add}. A schedule fetches the bundle; an installed bundle changes {@link #stampFile},
 * which the agent's reload loop watches, so a new bundle is applied by the same path as an edited
 * pack (validated first, the old rules kept when it fails).
 */
public final class RuleUpdates implements AutoCloseable {

    /** The packs, and why the installed bundle was left out (empty when it was not). */
    public record Loaded(RuleSet rules, Optional<String> bundleProblem) {
    }

    private final AgentConfig.Bundle bundle;
    private final BundleUpdater updater;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mamori-rule-bundle");
        t.setDaemon(true);
        return t;
    });

    /** @throws BundleException when the key or CA file cannot be used (the message names the file) */
    public RuleUpdates(AgentConfig config) throws IOException {
        this.bundle = config.bundle();
        this.updater = new BundleUpdater(bundle.url(), BundleKeys.readPublic(bundle.publicKey()), bundle.dir(),
                bundle.ca() == null ? null : BundleUpdater.trusting(bundle.ca()), java.time.Duration.ofSeconds(30),
                packs -> load(config, Optional.of(packs)));
    }

    /** Checks the bundle now and then every {@code rules.bundle.check-minutes}, handing each result over. */
    public void start(Consumer<BundleUpdater.Result> results) {
        schedule.scheduleWithFixedDelay(() -> results.accept(updater.check()), 0, bundle.every().toSeconds(), TimeUnit.SECONDS);
    }

    /** The file whose change means another bundle is in force (null when bundles are off). */
    public static Path stampFile(AgentConfig config) {
        return config.bundle() == null ? null : config.bundle().dir().resolve("current");
    }

    /** The rules the agent runs now: bundled, the installed bundle when it verifies, then rules.add. */
    public static Loaded load(AgentConfig config) throws ConfigException, IOException {
        if (config.bundle() == null) {
            return new Loaded(load(config, Optional.empty()), Optional.empty());
        }
        Optional<RuleBundle> installed;
        try {
            installed = BundleUpdater.installed(config.bundle().dir(), BundleKeys.readPublic(config.bundle().publicKey()));
        } catch (BundleException e) {
            return new Loaded(load(config, Optional.empty()), Optional.of("installed rule bundle not used: " + e.getMessage()));
        }
        if (installed.isEmpty()) {
            return new Loaded(load(config, Optional.empty()), Optional.empty());
        }
        RuleSet rules = load(config, BundleUpdater.installedPacks(config.bundle().dir()));
        return new Loaded(rules.withSource("rules-bundle " + installed.get().version() + " (" + BundleUpdater.safe(config.bundle().url()) + ")"),
                Optional.empty());
    }

    private static RuleSet load(AgentConfig config, Optional<Path> bundlePacks) throws ConfigException, IOException {
        List<Path> packs = new ArrayList<>();
        packs.add(RuleSetLoader.bundledRules());
        bundlePacks.ifPresent(packs::add);
        packs.addAll(config.extraRules());
        return new RuleSetLoader(Clock.systemDefaultZone()).load(packs);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
