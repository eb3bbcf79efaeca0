package dev.mamori.mask;

import java.util.Locale;

/** How a value of a given kind is masked. Rules name one with {@code mask: phone}. */
public enum MaskStyle {
    /** Keep the first group (area/mobile prefix) and the last four digits: {@code 090-****-5678}. */
    PHONE,
    /** Keep only the last four digits: {@code ****-****-****-1234}. */
    LAST4,
    /** Keep the first character of the local part and the domain: {@code t***@example.co.jp}. */
    EMAIL,
    /** Keep the first character of each name part of two or more: {@code 山* 太*}, {@code * *} for 林 肇. */
    NAME,
    /** Keep prefecture and municipality, mask the rest: {@code 東京都千代田区****}. */
    ADDRESS,
    /** Mask the digits, keep the format and era: {@code 昭和**年*月**日}. */
    DATE,
    /** Show the value as is; only for markers that are not personal data (社外秘). */
    NONE,
    /** Mask every letter and digit. */
    ALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaskStyle parse(String text) {
        for (MaskStyle s : values()) {
            if (s.label().equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
