package dev.mamori.extract;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names as people can read them, whatever their bytes. On Unix a name is bytes; a name that
 * is not valid UTF-8 (or not valid in the locale's encoding) decodes into replacement characters,
 * and two such names look alike. {@link #display} shows a name that is not UTF-8 with its non-ASCII
 * bytes escaped ({@code \x8c\xda\x8bq.csv}), so the auditor sees which file it is.
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

    /**
     * Each name in the path as text when it is valid UTF-8; in a name that is not, every byte
     * outside printable ASCII as {@code \xNN} (a stray valid sequence inside such a name would only
     * mislead). Control characters and backslashes are escaped everywhere.
     */
    static String escape(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '/') {
                continue;
            }
            byte[] name = java.util.Arrays.copyOfRange(bytes, start, i);
            boolean utf8 = MemberNames.strict(name, StandardCharsets.UTF_8) != null;
            int j = 0;
            while (j < name.length) {
                int c = name[j] & 0xFF;
                if (c < 0x20 || c == 0x7F || c == '\\' || (c >= 0x80 && !utf8)) {
                    b.append(String.format(Locale.ROOT, "\\x%02x", c));
                    j++;
                } else if (c < 0x80) {
                    b.append((char) c);
                    j++;
                } else {
                    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2; // a valid name: whole sequences
                    b.append(new String(name, j, n, StandardCharsets.UTF_8));
                    j += n;
                }
            }
            if (i < bytes.length) {
                b.append('/');
            }
            start = i + 1;
        }
        return b.toString();
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
