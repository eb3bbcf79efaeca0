package dev.mamori.cli;

import dev.mamori.rules.RuleLoadException;
import dev.mamori.rules.RuleProblem;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules DIR|FILE}: which rule packs to use (default: the bundled ones). */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR|FILE",
            description = "Rule pack file or folder of packs (repeatable). Default: the bundled rules.")
    List<Path> rules = List.of();

    /** Loads the packs; on failure prints every problem to {@code err} and returns null. */
    RuleSet load(Clock clock, PrintWriter err) {
        RuleSetLoader loader = new RuleSetLoader(clock);
        try {
            return rules.isEmpty() ? loader.loadBundled() : loader.load(rules);
        } catch (RuleLoadException e) {
            for (RuleProblem p : e.problems()) {
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
