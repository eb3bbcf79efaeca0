package dev.mamori.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Who owns a file, as the operating system says (uid → name), never what the agent's process is called. */
public final class FileOwner {

    /** Where the owner cannot be read (the file is gone, the platform has no owners). */
    public static final String UNKNOWN = "unknown";

    private FileOwner() {
    }

    /** The owner's name; its numeric id where the system has no name for it. */
    public static String of(Path file) {
        try {
            return Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return UNKNOWN;
        }
    }
}
