package dev.mamori.platform;

import java.nio.file.Path;

/**
 * A person with an account on this machine, whose exit points are watched.
 *
 * @param name login name ("" when not known, as in tests given only a home)
 * @param uid  numeric user id, or -1 where the platform has none
 * @param home home folder
 */
public record LocalUser(String name, long uid, Path home) {
}
