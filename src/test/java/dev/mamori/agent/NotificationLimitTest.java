package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NotificationLimitTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-26T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstShowsOneNotificationAndTheNextOneCountsWhatWasHeldBack() {
        HandClock clock = new HandClock();
        NotificationLimit limit = new NotificationLimit(clock, Duration.ofSeconds(10));
        assertThat(limit.offer("a.csv")).contains("a.csv");
        for (int i = 0; i < 299; i++) {
            clock.now = clock.now.plusMillis(20);
            assertThat(limit.offer("member-" + i)).isEmpty();
        }
        clock.now = clock.now.plusSeconds(10);
        assertThat(limit.offer("b.csv")).contains("b.csv (+299)");
        clock.now = clock.now.plusSeconds(11);
        assertThat(limit.offer("c.csv")).contains("c.csv");
    }
}
