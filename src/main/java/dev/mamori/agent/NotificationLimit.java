package dev.mamori.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most one desktop notification per period: a burst of alerts (a folder of customer lists
 * copied to a stick) pops up one notice, and the next one says how many were held back.
 * Thread-safe.
 */
final class NotificationLimit {

    /** Shortest time between two notifications. */
    static final Duration EVERY = Duration.ofSeconds(10);

    private final Clock clock;
    private final Duration every;
    private Instant last;
    private int held;

    NotificationLimit(Clock clock, Duration every) {
        this.clock = clock;
        this.every = every;
    }

    /** The text to show now, or empty when a notification was shown less than a period ago (it is counted). */
    synchronized Optional<String> offer(String text) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(every))) {
            held++;
            return Optional.empty();
        }
        last = now;
        String out = held == 0 ? text : text + " (+" + held + ")";
        held = 0;
        return Optional.of(out);
    }
}
