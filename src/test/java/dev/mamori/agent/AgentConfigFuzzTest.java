package dev.mamori.agent;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent config is refused with {@code file:line:col} problems ({@link AgentConfigException}) or
 * loaded; nothing else may come out of it, whatever the bytes (control characters, broken UTF-8,
 * anchors, deep nesting).
 */
class AgentConfigFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("mamori-fuzz-config");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void anyConfigIsLoadedOrRefusedWithItsProblems(FuzzedDataProvider data) throws IOException {
        Path file = DIR.resolve("mamori.yaml");
        Files.write(file, data.consumeRemainingAsBytes());
        try {
            new AgentConfigLoader(DIR).load(file);
        } catch (AgentConfigException refused) {
            refused.problems().forEach(p -> {
                if (!p.file().equals(file.toString())) {
                    throw new AssertionError("a problem about another file: " + p);
                }
            });
        }
    }
}
