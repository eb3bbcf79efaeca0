package dev.mamori.platform;

import java.util.Locale;

/** What kind of exit point a watched tree is, as the config and every alert name it. */
public enum ExitPointKind {
    /** Removable media: USB sticks, SD cards. */
    USB,
    /** A cloud-sync client's folder (OneDrive, Dropbox, Box, Google Drive). */
    CLOUD_SYNC,
    /** A mail client's outbox. */
    OUTBOX,
    /** A folder the configuration names. */
    WATCHED,
    /** Not a place: the agent itself, in health alerts. */
    AGENT;

    /** As written: {@code cloud-sync}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind for a label, or null. */
    public static ExitPointKind parse(String label) {
        for (ExitPointKind k : values()) {
            if (k.label().equals(label)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The kind a stored or received alert names; one this version does not know (a newer agent's)
     * reads as a watched folder, so that the alert is kept, never refused.
     */
    public static ExitPointKind parseStored(String label) {
        ExitPointKind k = parse(label);
        return k == null ? WATCHED : k;
    }
}
