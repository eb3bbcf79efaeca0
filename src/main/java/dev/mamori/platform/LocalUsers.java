package dev.mamori.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people who log in to this machine, from a {@code passwd(5)} file: accounts with a uid of
 * 1000 or more (below are system accounts, 65534 is nobody), a home folder that exists and a
 * login shell. A service that runs for everybody watches their exit points.
 */
public final class LocalUsers {

    private static final Logger LOG = LoggerFactory.getLogger(LocalUsers.class);
    static final long FIRST_UID = 1000;
    private static final long NOBODY = 65534;
    private static final Set<String> NO_LOGIN = Set.of("nologin", "false", "sync", "halt", "shutdown");

    private LocalUsers() {
    }

    /** The login users of {@code passwd}, in file order; malformed lines are logged with their number and left out. */
    public static List<LocalUser> read(Path passwd) throws IOException {
        List<LocalUser> out = new ArrayList<>();
        List<String> lines = lines(passwd);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            long uid;
            try {
                uid = f.length == 7 ? Long.parseLong(f[2]) : -1;
            } catch (NumberFormatException e) {
                uid = -1;
            }
            if (uid < 0) {
                LOG.warn("{}:{}: not a passwd line (name:password:uid:gid:gecos:home:shell)", passwd, i + 1);
                continue;
            }
            String shell = f[6].isEmpty() ? "sh" : Path.of(f[6]).getFileName().toString();
            Path home = f[5].isEmpty() ? null : Path.of(f[5]);
            if (uid < FIRST_UID || uid == NOBODY || NO_LOGIN.contains(shell) || home == null || home.getParent() == null
                    || !Files.isDirectory(home)) {
                continue;
            }
            out.add(new LocalUser(f[0], uid, home));
        }
        return out;
    }

    /**
     * The file's lines; bytes that are not UTF-8 (a Latin-1 or Shift_JIS comment field) become
     * U+FFFD instead of failing the whole file, so no user is dropped for a neighbour's name.
     */
    private static List<String> lines(Path passwd) throws IOException {
        return new String(Files.readAllBytes(passwd), StandardCharsets.UTF_8).lines().toList();
    }

    /** The user with this uid in {@code passwd}, whatever its shell or home. */
    static java.util.Optional<String> nameOf(Path passwd, long uid) {
        try {
            for (String line : lines(passwd)) {
                String[] f = line.split(":", -1);
                if (f.length == 7 && f[2].equals(Long.toString(uid))) {
                    return java.util.Optional.of(f[0]);
                }
            }
        } catch (IOException e) {
            // no passwd file: the caller falls back
        }
        return java.util.Optional.empty();
    }
}
