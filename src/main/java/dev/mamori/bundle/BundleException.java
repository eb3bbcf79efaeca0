package dev.mamori.bundle;

import java.io.IOException;

/** A bundle, key or bundle source that cannot be trusted or used; the message says which and why. */
public final class BundleException extends IOException {

    public BundleException(String message) {
        super(message);
    }
}
