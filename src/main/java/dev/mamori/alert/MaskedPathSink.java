package dev.mamori.alert;

import dev.mamori.mask.Masker;
import java.io.IOException;
import java.util.List;

/**
 * A sink that leaves the machine (syslog, webhook) receiving each alert with its file path masked
 * ({@link Masker#path}): the SIEM learns that a {@code .csv} on a USB stick held 25 phone numbers,
 * and its hash, but not that it was called {@code 履歴書_高橋さくら.docx}. The alert store keeps the
 * path, so IT finds the file from the alert id. Same name as the sink it wraps, so its delivery
 * position carries over when the option is switched.
 */
public final class MaskedPathSink implements Sink {

    private final Sink sink;

    public MaskedPathSink(Sink sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public void deliver(List<Alert> batch) throws IOException {
        sink.deliver(batch.stream().map(a -> a.withPath(Masker.path(a.path()))).toList());
    }

    @Override
    public void deliverChainHead(String host, String head, java.time.Instant at) throws IOException {
        sink.deliverChainHead(host, head, at); // no path in it
    }

    @Override
    public void close() throws IOException {
        sink.close();
    }
}
