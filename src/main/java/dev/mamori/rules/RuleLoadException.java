package dev.mamori.rules;

import dev.mamori.config.ConfigProblem;

import java.util.List;
import java.util.stream.Collectors;

/** Rule packs that cannot be used; carries every problem found, not just the first. */
public final class RuleLoadException extends Exception {

    private final List<ConfigProblem> problems;

    public RuleLoadException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
