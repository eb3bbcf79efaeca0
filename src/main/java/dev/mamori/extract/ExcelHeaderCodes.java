package dev.mamori.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Excel's header and footer codes as the parser of old {@code .xls} workbooks leaves them in the
 * text ({@code &C極秘&L&R}: sections, page numbers, dates, fonts, sizes), replaced by spaces on the
 * header and footer lines, so that a marking printed at the top of every page reads as the word it
 * is. {@code &&} is a literal ampersand. Other lines are left as they are.
 */
final class ExcelHeaderCodes {

    /** A header or footer line: it starts with a section code. */
    private static final Pattern SECTION_LINE = Pattern.compile("(?m)^&[LCR].*$");
    private static final Pattern CODE = Pattern.compile("&(?:\"[^\"\\n]*\"|\\d{1,3}|[LCRPNDTFAZGBISUEXYKH&])");

    private ExcelHeaderCodes() {
    }

    static boolean appliesTo(String contentType) {
        return contentType != null && contentType.startsWith("application/vnd.ms-excel");
    }

    static String strip(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher line = SECTION_LINE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (line.find()) {
            Matcher code = CODE.matcher(line.group());
            StringBuilder cleaned = new StringBuilder();
            while (code.find()) {
                code.appendReplacement(cleaned, code.group().equals("&&") ? "&" : " ");
            }
            code.appendTail(cleaned);
            line.appendReplacement(out, Matcher.quoteReplacement(cleaned.toString().strip()));
        }
        line.appendTail(out);
        return out.toString();
    }
}
