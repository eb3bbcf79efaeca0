package dev.mamori.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.mamori.platform.OwnerOnly;
import java.util.List;

/** Appends alerts to a JSON Lines file (ECS fields), synced to disk before acknowledging. */
public final class JsonlSink implements Sink {

    private final Path file;

    public JsonlSink(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void deliver(List<Alert> batch) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Alert a : batch) {
            b.append(AlertJson.line(a)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            channel.force(false);
        }
        OwnerOnly.restrict(file);
    }
}
