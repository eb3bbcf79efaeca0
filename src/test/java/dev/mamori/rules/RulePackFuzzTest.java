package dev.mamori.rules;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * An admin's pack can hold anything: the loader either loads it or refuses it with located problems
 * ({@link RuleLoadException}); any other exception, or a hang, is a bug. The suite replays the
 * inputs kept under {@code RulePackFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (README, Fuzzing).
 */
class RulePackFuzzTest {

    private static final Path PACK;

    static {
        try {
            PACK = Files.createTempDirectory("mamori-fuzz-pack").resolve("fuzz.yaml");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyPackIsLoadedOrRefusedWithItsProblems(FuzzedDataProvider data) throws IOException {
        Files.write(PACK, data.consumeRemainingAsBytes());
        try {
            new RuleSetLoader(Clock.systemUTC()).load(List.of(PACK));
        } catch (RuleLoadException refused) {
            for (var p : refused.problems()) {
                if (!p.file().equals(PACK.toString()) || p.message().isBlank()) {
                    throw new AssertionError("a problem that names no file or says nothing: " + p);
                }
            }
        }
    }
}
