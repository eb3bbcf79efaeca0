package dev.mamori.platform;

import java.util.Locale;

/** The operating systems whose conventions Mamori knows: exit points, permissions, service managers. */
public enum OperatingSystem {
    LINUX, MAC, WINDOWS;

    /** The system this JVM runs on; anything not Windows or macOS is treated as Linux. */
    public static OperatingSystem current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return name.contains("win") ? WINDOWS : name.contains("mac") ? MAC : LINUX;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
