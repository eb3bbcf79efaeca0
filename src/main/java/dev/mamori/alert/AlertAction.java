package dev.mamori.alert;

import java.util.Locale;

/** What an alert records: personal data found, a file quarantined, or a problem of the agent itself. */
public enum AlertAction {
    ALERT, QUARANTINE, HEALTH;

    /** As stored and shown: {@code alert}, {@code quarantine}, {@code health}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action of a stored or received alert. One this version does not know (written by a newer
     * agent) reads as a plain alert, so that the alert is kept, never refused.
     */
    public static AlertAction parse(String label) {
        for (AlertAction a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        return ALERT;
    }
}
