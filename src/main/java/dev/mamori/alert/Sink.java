package dev.mamori.alert;

import java.io.IOException;
import java.util.List;

/**
 * Where alerts go. {@link #deliver} returns normally only when the whole batch is acknowledged
 * (written and flushed, accepted by the receiver); any exception means "not delivered, retry".
 */
public interface Sink extends AutoCloseable {

    /** Short name, also the name of its position file: {@code jsonl}, {@code syslog}, {@code webhook}. */
    String name();

    void deliver(List<Alert> batch) throws IOException;

    /**
     * Sends the alert chain's head ("seq:hash") after the alerts it covers, so that a copy lives off
     * the laptop for {@code mamori verify --head}. Sinks that stay on the machine have nothing to do.
     *
     * @param host the host whose store it is (a Kafka sink keys it like that host's alerts)
     */
    default void deliverChainHead(String host, String head, java.time.Instant at) throws IOException {
    }

    @Override
    default void close() throws IOException {
    }
}
