package dev.mamori.agent;

import dev.mamori.platform.OwnerOnly;
import dev.mamori.rules.RuleSetLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies of the agent config and custom rule packs the agent last started with, so that an edit
 * with a mistake never leaves the laptop unprotected: the agent then runs with these and raises a
 * health alert. Kept in a folder of their own (owner-only) that does not depend on the config
 * being readable, and replaced as a whole only after the agent has started with the new ones.
 */
public final class LastGood {

    private static final String CONFIG = "mamori.yaml";
    private static final String ORIGIN = "origin";
    private static final String RULES = "rules";

    private final Path dir;

    public LastGood(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Keeps {@code config}'s file (when it has one) and every custom pack it adds. Written beside the
     * current copy and swapped in, so a crash half-way leaves the previous copy whole.
     */
    public void remember(AgentConfig config) throws IOException {
        OwnerOnly.directory(dir.getParent());
        Path next = dir.resolveSibling(dir.getFileName() + ".next");
        deleteTree(next);
        OwnerOnly.directory(next);
        if (config.source() != null) {
            Files.copy(config.source(), next.resolve(CONFIG));
            OwnerOnly.restrict(next.resolve(CONFIG));
            Files.writeString(next.resolve(ORIGIN), config.source().toAbsolutePath().normalize().toString(), StandardCharsets.UTF_8);
        }
        Path rules = OwnerOnly.directory(next.resolve(RULES));
        int n = 0;
        for (Path pack : RuleSetLoader.packFiles(config.extraRules())) {
            Path copy = rules.resolve(String.format("%03d-%s", n++, pack.getFileName()));
            Files.copy(pack, copy);
            OwnerOnly.restrict(copy);
        }
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        try {
            Files.move(next, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, dir);
        }
        deleteTree(old);
    }

    /**
     * The kept config, loaded by {@code loader} with its relative paths resolved where the original
     * lay, and its custom packs replaced by the kept copies. Empty when nothing was kept.
     *
     * @throws AgentConfigException when the kept copy no longer loads (a secret file gone, say)
     */
    public Optional<AgentConfig> config(AgentConfigLoader loader) throws AgentConfigException, IOException {
        Path copy = dir.resolve(CONFIG);
        AgentConfig config;
        if (Files.isRegularFile(copy)) {
            Path origin = Path.of(Files.readString(dir.resolve(ORIGIN), StandardCharsets.UTF_8).strip());
            config = loader.load(copy, origin.getParent());
        } else if (Files.isDirectory(dir.resolve(RULES))) {
            config = loader.defaultsOnly();
        } else {
            return Optional.empty();
        }
        return Optional.of(config.withExtraRules(packs()));
    }

    /** The kept copies of the custom packs, as the folder to load (empty when there were none). */
    public List<Path> packs() throws IOException {
        Path rules = dir.resolve(RULES);
        if (!Files.isDirectory(rules)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(rules)) {
            return s.findAny().isPresent() ? List.of(rules) : List.of();
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
