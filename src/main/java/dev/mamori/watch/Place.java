package dev.mamori.watch;

import java.nio.file.Path;

/**
 * A watched tree and what kind of exit point it is.
 *
 * @param root the folder
 * @param kind {@code usb}, {@code cloud-sync}, {@code outbox} or {@code watched}
 */
public record Place(Path root, String kind) {
}
