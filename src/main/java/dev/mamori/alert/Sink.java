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

    @Override
    default void close() throws IOException {
    }
}
