package dev.mamori.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The {@code --zone} option of the auditor commands: one parse, one error line. */
final class Zones {

    private Zones() {
    }

    /** The zone named (the machine's when null), or null after printing why it is unknown. */
    static ZoneId parse(String zone, PrintWriter err, String command) {
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            err.println("mamori " + command + ": unknown time zone '" + zone + "' (e.g. Asia/Tokyo, UTC)");
            return null;
        }
    }
}
