package dev.mamori.extract;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names as people can read them, whatever their bytes. On Unix a name is bytes; a name that
 * is not valid UTF-8 (or not valid in the locale's encoding) decodes into replacement characters,
 * and two such names look alike. {@link #display} shows the bytes that are not UTF-8 escaped
 * ({@code \x83\x8c.csv}), so the auditor sees which file it is.
 */
public final class PathNames {

    private PathNames() {
    }

    /** True when the path's string form does not lead back to the same file name. */
    public static boolean isLossy(Path p) {
        String s = p.toString();
        if (s.indexOf('\uFFFD') >= 0) {
            return true;
        }
        try {
            return !p.getFileSystem().getPath(s).equals(p);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** How the path is shown: as is, or with the bytes that are not UTF-8 as {@code \xNN}. */
    public static String display(Path p) {
        if (!isLossy(p)) {
            return p.toString();
        }
        byte[] raw = rawBytes(p);
        if (raw == null) {
            return p.toString();
        }
        String shown = escape(raw);
        if (!p.isAbsolute()) {
            // the bytes are of the absolute path: show the path as the user gave it, relative
            byte[] cwd = rawBytes(p.getFileSystem().getPath("").toAbsolutePath());
            String base = cwd == null ? null : escape(cwd) + "/";
            if (base != null && shown.startsWith(base)) {
                shown = shown.substring(base.length());
            }
        }
        return shown;
    }

    /** The name's bytes, from the file URI (which percent-encodes them); null when the platform hides them. */
    static byte[] rawBytes(Path p) {
        try {
            URI uri = p.toAbsolutePath().toUri();
            String raw = uri.getRawPath();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%' && i + 2 < raw.length()) {
                    out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, b.length);
                }
            }
            byte[] bytes = out.toByteArray();
            int len = bytes.length;
            if (len > 1 && bytes[len - 1] == '/') {
                len--; // a folder's URI ends in a slash
            }
            return java.util.Arrays.copyOf(bytes, len);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** UTF-8 runs as text, every other byte (and control characters) as {@code \xNN}. */
    static String escape(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int n = utf8Length(bytes, i);
            if (n > 0) {
                String s = new String(bytes, i, n, StandardCharsets.UTF_8);
                if (n == 1 && (bytes[i] < 0x20 || bytes[i] == 0x7F || bytes[i] == '\\')) {
                    b.append(String.format(Locale.ROOT, "\\x%02x", bytes[i] & 0xFF));
                } else {
                    b.append(s);
                }
                i += n;
            } else {
                b.append(String.format(Locale.ROOT, "\\x%02x", bytes[i] & 0xFF));
                i++;
            }
        }
        return b.toString();
    }

    /** Length of the valid UTF-8 sequence at {@code i}, or 0. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        byte[] seq = java.util.Arrays.copyOfRange(b, i, i + n);
        return MemberNames.strict(seq, StandardCharsets.UTF_8) != null ? n : 0;
    }

    /** The file's extension when it is plain ASCII ({@code .csv}), else "". */
    static String asciiExtension(Path p) {
        Path name = p.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String ext = s.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,10}") ? ext : "";
    }
}
