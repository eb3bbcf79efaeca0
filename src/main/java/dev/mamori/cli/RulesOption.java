package dev.mamori.cli;

import dev.mamori.config.ConfigProblem;

import dev.mamori.rules.RuleLoadException;
import dev.mamori.config.ConfigProblem;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which rule packs to use: the bundled ones, plus {@code --add-rules}, or instead {@code --rules}.
 */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR|FILE",
            description = "Use these rule packs (file or folder, repeatable) instead of the bundled ones.")
    List<Path> rules = List.of();

    @Option(names = "--add-rules", paramLabel = "DIR|FILE",
            description = "Add these rule packs (file or folder, repeatable) to the bundled ones (or to --rules).")
    List<Path> addRules = List.of();

    /** Loads the packs; on failure prints every problem to {@code err} and returns null. */
    RuleSet load(Clock clock, PrintWriter err) {
        RuleSetLoader loader = new RuleSetLoader(clock);
        try {
            List<Path> packs = new java.util.ArrayList<>(rules.isEmpty() ? List.of(RuleSetLoader.bundledRules()) : rules);
            packs.addAll(addRules);
            RuleSet set = loader.load(packs);
            if (set.policy().rules().isEmpty()) {
                err.println("mamori: warning: the rule packs define no policy, so every file gets severity none"
                        + " (use --add-rules to keep the bundled policy)");
            }
            return set;
        } catch (RuleLoadException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            err.println("mamori: rule packs refused (" + e.problems().size() + " problem(s)); nothing was scanned");
        } catch (IOException e) {
            err.println("mamori: cannot read rule packs: " + e.getMessage());
        }
        err.flush();
        return null;
    }
}
