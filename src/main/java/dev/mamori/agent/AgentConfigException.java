package dev.mamori.agent;

import dev.mamori.config.ConfigException;
import dev.mamori.config.ConfigProblem;
import java.util.List;

/** An agent config that cannot be used; carries every problem found. */
public final class AgentConfigException extends ConfigException {

    public AgentConfigException(List<ConfigProblem> problems) {
        super(problems);
    }
}
