package dev.mamori.testing;

import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The bundled rule packs (the repository's rules/ folder), loaded once with a fixed clock. */
public final class BundledRules {

    /** "Today" in tests, so that ages and future dates do not drift. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneId.of("Asia/Tokyo"));

    private static RuleSet rules;

    private BundledRules() {
    }

    public static synchronized RuleSet get() {
        if (rules == null) {
            try {
                rules = new RuleSetLoader(CLOCK).load(List.of(Path.of("rules")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return rules;
    }
}
