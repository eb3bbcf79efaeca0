package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

/** At rest the agent collects and trims the C heap, on JVMs that can; elsewhere it only collects. */
class MemoryHandBackTest {

    @Test
    void aLinuxJvmFromJava17Update9TrimsItsNativeHeap() {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        Runtime.Version v = Runtime.version();
        assumeThat(v.feature() > 17 || v.update() >= 9).isTrue();

        assertThat(MemoryHandBack.trimNativeHeap()).isTrue();
    }

    @Test
    void handingBackTwiceIsHarmless() {
        MemoryHandBack handBack = new MemoryHandBack();
        handBack.run();
        handBack.run(); // the agent does it once per quiet spell, for as long as it runs
        assertThat(Runtime.getRuntime().freeMemory()).isPositive();
    }
}
