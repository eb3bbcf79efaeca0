package dev.mamori.bundle;

import java.util.Comparator;

/**
 * Bundle versions compared part by part ({@code 2026.12.10} after {@code 2026.12.9}): numeric parts
 * as numbers, others as text, a missing part before any present one.
 */
public final class BundleVersion {

    /** Digits, letters, dots, hyphens: what a version may hold, so it is also a safe folder name. */
    static final String PATTERN = "[0-9A-Za-z][0-9A-Za-z.-]{0,63}";

    public static final Comparator<String> ORDER = BundleVersion::compare;

    private BundleVersion() {
    }

    static boolean valid(String version) {
        return version != null && version.matches(PATTERN) && !version.contains("..");
    }

    public static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            if (i >= x.length) {
                return -1;
            }
            if (i >= y.length) {
                return 1;
            }
            int c = x[i].matches("\\d{1,18}") && y[i].matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
