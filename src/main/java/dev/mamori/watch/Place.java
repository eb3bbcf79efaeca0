package dev.mamori.watch;

import dev.mamori.platform.ExitPointKind;
import java.nio.file.Path;

/**
 * A watched tree and what kind of exit point it is.
 *
 * @param root the folder
 * @param kind what leaves through it
 */
public record Place(Path root, ExitPointKind kind) {
}
