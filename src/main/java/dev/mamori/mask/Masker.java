package dev.mamori.mask;

/**
 * Masks evidence by style. Stateless and thread-safe. Whatever the style, the masked text never
 * holds the whole value, nor a whole name part: a one-character given name (肇) is masked too, and
 * a short number keeps fewer digits (a phone number hides at least four, any other value two).
 */
public final class Masker {

    private static final char STAR = '*';

    private Masker() {
    }

    public static String mask(MaskStyle style, String evidence) {
        String s = collapseWhitespace(evidence.strip());
        return switch (style) {
            case PHONE -> phone(s);
            case LAST4 -> keepLastDigits(s, 4);
            case EMAIL -> email(s);
            case NAME -> name(s);
            case ADDRESS -> address(s);
            case DATE -> digitsOnly(s);
            case NONE -> s;
            case ALL -> all(s);
        };
    }

    /**
     * A file path with every folder and file name masked to its first character and its extension
     * (up to five characters after the last dot) kept, separators ({@code /}, {@code \\}, an
     * archive's {@code !/}) kept: {@code /home/taro/顧客リスト.csv} becomes {@code /h***}{@code /t***}{@code /顧****.csv}.
     * A one-character name becomes {@code *}. File names are personal data too
     * ({@code 履歴書_高橋さくら.docx}).
     */
    public static String path(String path) {
        StringBuilder b = new StringBuilder(path.length());
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            char c = i == path.length() ? '/' : path.charAt(i);
            if (c == '/' || c == '\\' || c == '!') {
                b.append(pathPart(path.substring(start, i)));
                if (i < path.length()) {
                    b.append(c);
                }
                start = i + 1;
            }
        }
        return b.toString();
    }

    private static String pathPart(String part) {
        int dot = part.lastIndexOf('.');
        String extension = "";
        if (dot > 0 && part.length() - dot <= 6) {
            extension = part.substring(dot);
            part = part.substring(0, dot);
        }
        if (part.isEmpty()) {
            return extension;
        }
        int first = Character.charCount(part.codePointAt(0));
        int rest = part.codePointCount(first, part.length());
        String stars = String.valueOf(STAR).repeat(rest);
        return (rest == 0 ? String.valueOf(STAR) : part.substring(0, first) + stars) + extension;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                if (b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String phone(String s) {
        int digits = countDigits(s);
        // the first group: up to the first separator, or the 3-digit prefix of an unseparated number
        int firstGroupEnd = -1;
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                seen++;
            } else if (seen > 0 && c != '+') {
                firstGroupEnd = seen;
                break;
            }
        }
        int keepFront = firstGroupEnd > 0 && firstGroupEnd <= 4 ? firstGroupEnd : Math.min(3, digits - 4);
        if (s.startsWith("+")) {
            keepFront = Math.min(keepFront, 2);
        }
        // at least four digits hidden, and at most half shown at the end: a short number is not shown whole
        int keepBack = Math.min(4, digits / 2);
        keepFront = Math.max(0, Math.min(keepFront, digits - keepBack - 4));
        StringBuilder b = new StringBuilder(s.length());
        int index = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                b.append(index < keepFront || index >= digits - keepBack ? c : STAR);
                index++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String keepLastDigits(String s, int keepAtMost) {
        int digits = countDigits(s);
        int keep = Math.max(0, Math.min(keepAtMost, digits - 2)); // a short value is never shown whole
        StringBuilder b = new StringBuilder(s.length());
        int index = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                b.append(index >= digits - keep ? c : STAR);
                index++;
            } else if (Character.isLetter(c)) {
                b.append(STAR);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String email(String s) {
        int at = s.lastIndexOf('@');
        if (at <= 1) {
            // a one-character local part would be shown whole
            return at == 1 ? "***" + s.substring(at) : all(s);
        }
        return s.charAt(0) + "***" + s.substring(at);
    }

    /** The first character of each part of two or more, a star for every other one: 林 肇 → * *, 高橋 さくら → 高* さ**. */
    private static String name(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isNameSeparator(cp)) {
                b.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            int length = 0;
            while (end < s.length() && !isNameSeparator(s.codePointAt(end))) {
                end += Character.charCount(s.codePointAt(end));
                length++;
            }
            if (length > 1) {
                b.appendCodePoint(cp);
                length--;
            }
            b.append(String.valueOf(STAR).repeat(length));
            i = end;
        }
        return b.toString();
    }

    private static boolean isNameSeparator(int cp) {
        return Character.isWhitespace(cp) || cp == '\u3000' || cp == '・';
    }

    /**
     * Keeps the municipality and masks the rest: the prefecture, then a city (市) with its ward
     * (区), a county (郡) with its town or village (町/村), a Tokyo ward (区), or a town or village.
     * The suffixes are read in that order, not at their first occurrence: 村 in 名古屋市中村区 is
     * part of the ward's name, 町 in 町田市 part of the city's.
     */
    private static String address(String s) {
        int limit = Math.min(s.length(), 16);
        for (int i = 0; i < limit; i++) {
            if (isDigit(s.charAt(i))) {
                limit = i; // the street number starts here: the municipality lies before it
                break;
            }
        }
        int from = prefectureEnd(s, limit);
        int keep = from;
        int city = suffixEnd(s, from, limit, "市");
        if (city > 0) {
            keep = city;
            int ward = suffixEnd(s, city, Math.min(limit, city + 5), "区");
            keep = ward > 0 ? ward : keep;
        } else {
            int county = suffixEnd(s, from, limit, "郡");
            int town = suffixEnd(s, county > 0 ? county : from, limit, county > 0 ? "町村" : "区町村");
            keep = town > 0 ? town : county > 0 ? county : keep;
        }
        StringBuilder b = new StringBuilder(s.substring(0, keep));
        for (int i = keep; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isWhitespace(c) ? c : STAR);
        }
        return b.toString();
    }

    /** End of a leading prefecture (東京都, 北海道, 大阪府, 神奈川県), or 0. */
    private static int prefectureEnd(String s, int limit) {
        for (int i = 1; i < Math.min(limit, 4); i++) {
            char c = s.charAt(i);
            if (c == '県' || c == '府' || (c == '都' && i == 2) || (c == '道' && s.startsWith("北海道"))) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * End of the first name ending in one of {@code suffixes} in [from, limit): at least one char
     * before the suffix (市川市 is not 市), a doubled suffix taken whole (四日市市), or 0.
     */
    private static int suffixEnd(String s, int from, int limit, String suffixes) {
        for (int i = from + 1; i < limit; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                continue;
            }
            if (suffixes.indexOf(s.charAt(i)) >= 0) {
                int end = i + 1;
                while (end < limit && s.charAt(end) == s.charAt(i)) {
                    end++;
                }
                return end;
            }
        }
        return 0;
    }

    private static String digitsOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // kanji numerals too: 昭和五十六年三月三日 is as much a date as 昭和56年3月3日
            b.append(isDigit(c) || "元〇一二三四五六七八九十".indexOf(c) >= 0 ? STAR : c);
        }
        return b.toString();
    }

    private static String all(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                b.append(STAR);
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
