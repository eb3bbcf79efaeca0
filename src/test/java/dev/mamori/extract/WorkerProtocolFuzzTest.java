package dev.mamori.extract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Whatever a dying or hijacked worker writes, the agent reads a response or gets an IOException
 * (which it maps to the file's outcome), never another exception and never an allocation out of
 * proportion to the bytes received.
 */
class WorkerProtocolFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyResponseIsReadOrRefused(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            WorkerProtocol.readResponse(new DataInputStream(new ByteArrayInputStream(bytes)), new ExtractionListener() {
                @Override
                public void begin(String key, String path) {
                }

                @Override
                public void done(String key, ExtractedDocument document) {
                }
            });
        } catch (IOException expected) {
            // corrupt or short: the caller records the file as not read
        }
    }
}
