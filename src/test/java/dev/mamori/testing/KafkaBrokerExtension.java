package dev.mamori.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Kafka broker for a test class: {@code @RegisterExtension static final KafkaBrokerExtension
 * KAFKA = new KafkaBrokerExtension();} starts it before the class's tests (in a folder of its own)
 * and stops it after them.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private KafkaBroker broker;

    public KafkaBroker broker() {
        return broker;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("mamori-kafka");
        broker = new KafkaBroker(dir);
        broker.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
        }
        FileUtils.deleteQuietly(dir.toFile());
    }
}
