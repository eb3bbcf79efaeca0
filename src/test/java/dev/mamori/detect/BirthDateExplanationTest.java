package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 9 item 6: beside a masked birth date (stars for every digit), the explanation must not give the age away. */
class BirthDateExplanationTest {

    private final BirthDateValidator validator = new BirthDateValidator(
            Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC), 0, 120);

    @Test
    void theExplanationNamesTheAcceptedRangeNeverTheAge() {
        Validator.Result r = validator.validate("1985/05/01", Map.of("y", "1985", "m", "05", "d", "01")::get);
        assertThat(r.valid()).isTrue();
        assertThat(r.note()).contains("age within 0-120").doesNotContain("41", "1985");
    }

    @Test
    void anEraDateToo() {
        Validator.Result r = validator.validate("昭和60年5月1日", Map.of("era", "昭和", "y", "60", "m", "5", "d", "1")::get);
        assertThat(r.valid()).isTrue();
        assertThat(r.note()).doesNotContain("41", "60", "1985");
    }
}
