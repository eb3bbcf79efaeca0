package dev.mamori.alert;

import java.util.Arrays;

/**
 * What a health alert is about: recorded in the alert (as the rule {@code agent-health:CODE}) so that
 * reports can name the problem in the reader's language while the detail stays the agent's own words.
 */
public enum HealthProblem {
    CONFIG_REFUSED("config-refused"),
    RULES_REFUSED("rules-refused"),
    WALK_FAILED("walk-failed"),
    BUNDLE_REFUSED("bundle-refused"),
    BUNDLE_UNREACHABLE("bundle-unreachable"),
    /** The agent's own alert store failed its hash-chain check at start: records changed, removed or inserted. */
    CHAIN_BROKEN("chain-broken"),
    /** The collector saw a gap or a reorder in a host's alert numbers. */
    SEQUENCE_BROKEN("sequence-broken"),
    OTHER("other");

    /** The rule every health alert carries, before its problem's code. */
    public static final String RULE = "agent-health";

    private final String code;

    HealthProblem(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The rule id an alert about this problem carries. */
    public String ruleId() {
        return RULE + ":" + code;
    }

    /** The problem a health alert is about ({@link #OTHER} for alerts written before problems were typed). */
    public static HealthProblem of(Alert alert) {
        return alert.rules().stream().filter(r -> r.startsWith(RULE + ":")).map(r -> r.substring(RULE.length() + 1))
                .flatMap(c -> Arrays.stream(values()).filter(p -> p.code.equals(c))).findFirst().orElse(OTHER);
    }
}
