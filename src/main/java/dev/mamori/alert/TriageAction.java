package dev.mamori.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An auditor's decision about an alert. */
public enum TriageAction {
    ACK, DISMISS, ESCALATE,
    /** A quarantined file given back (recorded by {@code mamori quarantine restore}). */
    RESTORE;

    /** As stored, typed and shown: {@code ack}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action for a label, or null for one this version does not know. */
    public static TriageAction parse(String label) {
        for (TriageAction a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        return null;
    }

    /** "ack, dismiss, escalate, restore": for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(TriageAction::label).collect(Collectors.joining(", "));
    }
}
