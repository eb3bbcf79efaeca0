package dev.mamori.detect;

import java.util.List;

/**
 * Finds supporting (or contradicting) keywords near a match: within {@code proximity} characters
 * before or after it, or in the header of the table column it sits in.
 * Keywords are matched on NFKC-normalised text, ignoring ASCII case. A keyword that begins or ends
 * with a Latin letter must stand as a word there ("dob" is not in "Adobe", "born" not in
 * "Steinborn"); a camelCase hump counts as a word boundary ("cardNumber"). Immutable.
 */
public final class ContextMatcher {

    private final List<String> keywords;
    private final int proximity;
    private final boolean useColumnHeader;
    private final boolean requiredInNumberRun;

    public ContextMatcher(List<String> keywords, int proximity, boolean useColumnHeader) {
        this(keywords, proximity, useColumnHeader, false);
    }

    /**
     * @param requiredInNumberRun a match standing in a run of numbers (a list of offsets, a row of
     *                            measurements) is dropped unless a keyword supports it
     */
    public ContextMatcher(List<String> keywords, int proximity, boolean useColumnHeader, boolean requiredInNumberRun) {
        this.keywords = keywords.stream()
                .map(ScanText::searchForm)
                .filter(k -> !k.isBlank())
                .toList();
        this.proximity = proximity;
        this.useColumnHeader = useColumnHeader;
        this.requiredInNumberRun = requiredInNumberRun;
    }

    /** True when a match in a run of numbers needs a keyword to count. */
    public boolean requiredInNumberRun() {
        return requiredInNumberRun;
    }

    /** The keywords in search form. */
    public List<String> keywords() {
        return keywords;
    }

    public boolean isEmpty() {
        return keywords.isEmpty();
    }

    public int proximity() {
        return proximity;
    }

    /** True when any keyword occurs anywhere in the text (column headings are text too). */
    boolean occursIn(ScanText text) {
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The first keyword seen near [start, end) of the normalised text, as a description; null if none. */
    public String find(ScanText text, int start, int end) {
        if (keywords.isEmpty()) {
            return null;
        }
        String lower = text.lower();
        int from = Math.max(0, start - proximity);
        int to = Math.min(lower.length(), end + proximity);
        for (String keyword : keywords) {
            int[] occurrences = text.occurrences(keyword);
            for (int i = ScanText.firstAtOrAfter(occurrences, from); i < occurrences.length; i++) {
                int at = occurrences[i];
                if (at + keyword.length() > to) {
                    break;
                }
                boolean before = at + keyword.length() <= start;
                boolean outside = before || at >= end; // not inside the match itself
                if (outside && isWord(text.text(), at, at + keyword.length())
                        && sameSentence(lower, before ? at + keyword.length() : end, before ? start : at)) {
                    return "'" + keyword + "' within " + distance(at, keyword.length(), start, end) + " chars";
                }
            }
        }
        if (useColumnHeader) {
            String header = ScanText.asciiLower(text.layout().columnHeader(start));
            if (!header.isEmpty()) {
                for (String keyword : keywords) {
                    if (headingMatches(header, keyword)) {
                        return "column headed '" + keyword + "'";
                    }
                }
            }
        }
        return null;
    }

    /**
     * A column heading matches a keyword it contains; an ASCII keyword must be a whole word of it
     * ("Phone" matches "Phone Number" but "Name" does not match "Filename").
     */
    static boolean headingMatches(String lowerHeading, String keyword) {
        int at = lowerHeading.indexOf(keyword);
        while (at >= 0) {
            int end = at + keyword.length();
            boolean ascii = keyword.chars().allMatch(ch -> ch < 0x80);
            if (!ascii || ((at == 0 || !Character.isLetterOrDigit(lowerHeading.charAt(at - 1)))
                    && (end == lowerHeading.length() || !Character.isLetterOrDigit(lowerHeading.charAt(end))))) {
                return true;
            }
            at = lowerHeading.indexOf(keyword, at + 1);
        }
        return false;
    }

    /**
     * True when [at, end) of the (case-preserving) normalised text does not continue a Latin word on
     * either side. Only edges that are Latin letters are checked: 電話 in 携帯電話 still counts, and
     * so does TEL in TEL03-1234-5678 (a digit may follow a keyword, but not precede one: 03cc is hex).
     */
    static boolean isWord(String text, int at, int end) {
        if (at > 0 && isLatin(text.charAt(at)) && Character.isDigit(text.charAt(at - 1)) && text.charAt(at - 1) < 0x80) {
            return false; // "cc" in the hex word 03cc
        }
        if (at > 0 && isLatin(text.charAt(at)) && isLatin(text.charAt(at - 1))
                && !(Character.isLowerCase(text.charAt(at - 1)) && Character.isUpperCase(text.charAt(at)))) {
            return false;
        }
        return !(end < text.length() && isLatin(text.charAt(end - 1)) && isLatin(text.charAt(end))
                && !(Character.isLowerCase(text.charAt(end - 1)) && Character.isUpperCase(text.charAt(end))));
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A keyword in the previous sentence ("…生年月日など。2024年3月1日に…") is not context. */
    private static boolean sameSentence(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '!' || c == '?') {
                return false;
            }
        }
        return true;
    }

    private static int distance(int at, int length, int start, int end) {
        return at >= end ? at - end : start - (at + length);
    }
}
