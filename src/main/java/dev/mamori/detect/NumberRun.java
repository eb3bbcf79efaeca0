package dev.mamori.detect;

/**
 * Whether a number stands in a run of other numbers on its line: a list of offsets
 * ({@code 3208 3848 4488 5128 5768 6408}), a row of measurements, a hex dump. A checksum alone says
 * little there (one number in ten passes Luhn), so such a match needs supporting context.
 */
final class NumberRun {

    /** How many separator characters may stand between the match and its neighbour. */
    private static final int GAP = 3;

    private NumberRun() {
    }

    /** True when a number token (decimal or hex, holding a digit) stands right before or after [start, end). */
    static boolean around(String text, int start, int end) {
        return numberBefore(text, start) || numberAfter(text, end);
    }

    private static boolean numberBefore(String text, int start) {
        int i = start - 1;
        int gap = 0;
        while (i >= 0 && isSeparator(text.charAt(i)) && gap < GAP) {
            i--;
            gap++;
        }
        return gap > 0 && i >= 0 && isNumberToken(text, tokenStart(text, i), i + 1);
    }

    private static boolean numberAfter(String text, int end) {
        int i = end;
        int gap = 0;
        while (i < text.length() && isSeparator(text.charAt(i)) && gap < GAP) {
            i++;
            gap++;
        }
        if (gap == 0 || i >= text.length()) {
            return false;
        }
        int tokenEnd = i;
        while (tokenEnd < text.length() && isTokenChar(text.charAt(tokenEnd))) {
            tokenEnd++;
        }
        return isNumberToken(text, i, tokenEnd);
    }

    private static int tokenStart(String text, int last) {
        int i = last;
        while (i >= 0 && isTokenChar(text.charAt(i))) {
            i--;
        }
        return i + 1;
    }

    /** A token of digits and hex letters holding at least one digit (12, 0x1f, 3fa9c0, 5.25). */
    private static boolean isNumberToken(String text, int from, int to) {
        if (to <= from) {
            return false;
        }
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!isHexLetter(c) && c != '.' && c != 'x' && c != 'X') {
                return false;
            }
        }
        return digit;
    }

    private static boolean isTokenChar(char c) {
        return (c >= '0' && c <= '9') || isHexLetter(c) || c == '.' || c == 'x' || c == 'X';
    }

    private static boolean isHexLetter(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Spaces, tabs and list punctuation; never a line break (the next line is another record). */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '|' || c == '/';
    }
}
