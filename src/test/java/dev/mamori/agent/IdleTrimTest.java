package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The agent hands memory back once per quiet spell, after the idle period, never while files are judged. */
class IdleTrimTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicInteger trims = new AtomicInteger();
    private final IdleTrim trim = new IdleTrim(checked::get, inFlight::get, Duration.ofSeconds(60), now::get,
            trims::incrementAndGet);

    private void at(long seconds) {
        now.set(Duration.ofSeconds(seconds).toNanos());
        trim.run();
    }

    @Test
    void trimsOnceAfterStartWhenNothingArrives() {
        at(0);
        at(30);
        assertThat(trims).hasValue(0);
        at(61);
        assertThat(trims).hasValue(1);
        at(200);
        at(400);
        assertThat(trims).as("once per quiet spell").hasValue(1);
    }

    @Test
    void eachBurstEarnsOneTrimAnIdlePeriodAfterItsLastFile() {
        at(0);
        at(61);
        assertThat(trims).hasValue(1);
        checked.set(5);
        at(100); // files were judged since the last look
        at(150);
        assertThat(trims).hasValue(1);
        at(160);
        assertThat(trims).hasValue(2);
        checked.set(6);
        at(170);
        at(229);
        assertThat(trims).hasValue(2);
        at(230);
        assertThat(trims).hasValue(3);
    }

    @Test
    void neverWhileAFileIsQueuedOrJudged() {
        inFlight.set(1);
        at(0);
        at(100);
        at(1_000);
        assertThat(trims).hasValue(0);
        inFlight.set(0);
        at(1_059);
        assertThat(trims).hasValue(0);
        at(1_060);
        assertThat(trims).hasValue(1);
    }
}
