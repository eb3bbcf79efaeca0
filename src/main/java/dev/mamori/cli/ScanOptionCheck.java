package dev.mamori.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Usage errors of {@code scan} found before anything is read: each message names the option (or
 * path) and the value given, as grep does ({@code grep: /typo: No such file or directory}, exit 2).
 */
final class ScanOptionCheck {

    private ScanOptionCheck() {
    }

    /** The first problem, in one line, or null when the options are usable. */
    static String problem(ScanCommand c) {
        String limit = atLeast("--threads", c.threads, 1);
        limit = limit != null ? limit : atLeast("--max-bytes", c.maxBytes, 1);
        limit = limit != null ? limit : atLeast("--max-chars", c.maxChars, 1);
        limit = limit != null ? limit : atLeast("--max-depth", c.maxDepth, 0);
        limit = limit != null ? limit : atLeast("--max-members", c.maxMembers, 1);
        limit = limit != null ? limit : atLeast("--timeout", c.timeoutSeconds, 1);
        limit = limit != null ? limit : atLeast("--worker-heap", c.workerHeapMb, 64);
        if (limit != null) {
            return limit;
        }
        for (Path p : c.paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p + ": no such file or folder";
            }
        }
        if (c.output != null) {
            Path parent = c.output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                return "cannot write results to " + c.output + ": no such folder " + parent;
            }
            if (Files.isDirectory(c.output)) {
                return "cannot write results to " + c.output + ": it is a folder";
            }
        }
        return null;
    }

    private static String atLeast(String option, long value, long min) {
        return value >= min ? null : String.format(Locale.ROOT, "%s must be at least %d, not %d", option, min, value);
    }

    /** An I/O error in a few words, without the exception's class name. */
    static String brief(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied " + a.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
