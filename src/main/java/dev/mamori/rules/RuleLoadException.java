package dev.mamori.rules;

import dev.mamori.config.ConfigException;
import dev.mamori.config.ConfigProblem;
import java.util.List;

/** Rule packs that cannot be used; carries every problem found, not just the first. */
public final class RuleLoadException extends ConfigException {

    public RuleLoadException(List<ConfigProblem> problems) {
        super(problems);
    }
}
