package dev.mamori.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine an alert comes from, as ECS's {@code host.*} describes it: a stable id (a host may
 * be renamed; on Linux the systemd machine id) and the operating system.
 *
 * @param id        {@code host.id}, or null where the platform gives none readably
 * @param osType    {@code host.os.type}: linux, macos, windows (ECS's closed set), or unix
 * @param osName    {@code host.os.name}, as Java reports it
 * @param osVersion {@code host.os.version}
 */
public record HostInfo(String id, String osType, String osName, String osVersion) {

    private static final HostInfo THIS_MACHINE = detect();

    public static HostInfo thisMachine() {
        return THIS_MACHINE;
    }

    private static HostInfo detect() {
        String name = System.getProperty("os.name", "");
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.contains("win") ? "windows" : lower.contains("mac") ? "macos" : lower.contains("linux") ? "linux" : "unix";
        return new HostInfo(machineId(), type, name, System.getProperty("os.version", ""));
    }

    private static String machineId() {
        for (String file : new String[] {"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
            try {
                String id = Files.readString(Path.of(file)).trim();
                if (id.matches("[0-9a-f]{32}")) {
                    return id;
                }
            } catch (IOException | RuntimeException notThere) {
                // the next place, or none
            }
        }
        return null;
    }
}
