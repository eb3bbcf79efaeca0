package dev.mamori.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Rule packs that cannot be used; carries every problem found, not just the first. */
public final class RuleLoadException extends Exception {

    private final List<RuleProblem> problems;

    public RuleLoadException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
