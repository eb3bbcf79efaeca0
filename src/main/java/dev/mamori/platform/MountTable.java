package dev.mamori.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Linux mount table in the {@code /proc/<pid>/mountinfo} format (proc(5)):
 * {@code id parent major:minor root mount-point options [optional...] - fstype source super-options}.
 * Spaces, tabs, newlines and backslashes in paths are written as octal escapes ({@code \040}).
 */
public final class MountTable {

    private static final Logger LOG = LoggerFactory.getLogger(MountTable.class);

    private MountTable() {
    }

    /** The mounts of {@code file}; a line that does not parse is logged with its number and left out. */
    public static List<Mount> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString());
    }

    /** The mounts of a mountinfo text read as ISO-8859-1 (each byte one char); {@code name} names it in messages. */
    static List<Mount> parse(String text, String name) {
        List<Mount> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].trim().split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 6 || dash < 6 || dash + 2 >= f.length || !f[2].matches("\\d+:\\d+")) {
                LOG.warn("{}:{}: not a mountinfo line (id parent major:minor root mount-point options ... - type source)",
                        name, i + 1);
                continue;
            }
            out.add(new Mount(Path.of(unescape(f[4])), f[2], unescape(f[dash + 1]), unescape(f[dash + 2])));
        }
        return out;
    }

    /** Decodes the kernel's {@code \ooo} escapes; the bytes are UTF-8 (as file names are on Linux desktops). */
    static String unescape(String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                bytes.write(Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
