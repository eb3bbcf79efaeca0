package dev.mamori.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ("development" when run from classes). */
final class VersionProvider implements IVersionProvider {

    /** The jar's version; the build's ({@code mamori.version}) while it generates the man pages from the classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : System.getProperty("mamori.version", "development");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"mamori " + version(), "Java " + System.getProperty("java.version")};
    }
}
