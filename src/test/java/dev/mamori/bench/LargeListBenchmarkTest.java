package dev.mamori.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live heap the large-list benchmark reports is what full collections leave, not young ones. */
class LargeListBenchmarkTest {

    @Test
    void liveHeapIsTheLargestLeftAfterAFullCollection(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("gc.log"), """
                [0.412s][info][gc] Using Serial
                [1.015s][info][gc] GC(0) Pause Young (Allocation Failure) 68M->12M(247M) 9.120ms
                [9.877s][info][gc] GC(1) Pause Young (Allocation Failure) 240M->231M(247M) 3.001ms
                [9.950s][info][gc] GC(2) Pause Full (Allocation Failure) 246M->88M(247M) 101.2ms
                [12.10s][info][gc] GC(3) Pause Full (Allocation Failure) 245M->61M(247M) 95.0ms
                """);
        assertThat(LargeListBenchmark.heapAfterGc(log)).containsExactly(88, 247, 2, 4);
    }
}
