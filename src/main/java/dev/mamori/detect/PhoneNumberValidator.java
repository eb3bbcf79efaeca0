package dev.mamori.detect;

import java.util.function.Function;

/**
 * Japanese telephone numbers by the national numbering plan: the digit count must fit the prefix
 * (mobile 070/080/090, IP 050, free dial 0120/0800, navi dial 0570, landlines 10 digits).
 * {@code +81} numbers are read as their domestic form; other international numbers pass only
 * when allowed, as E.164 (at most 15 digits).
 */
final class PhoneNumberValidator implements Validator {

    private final boolean allowInternational;

    PhoneNumberValidator(boolean allowInternational) {
        this.allowInternational = allowInternational;
    }

    @Override
    public Result validate(String value, Function<String, String> groups) {
        String trimmed = value.strip();
        String d = Validators.digits(trimmed);
        if (trimmed.startsWith("+") || trimmed.startsWith("(+")) {
            if (d.startsWith("81")) {
                String rest = d.substring(2);
                if (rest.startsWith("0")) { // +81 (0)3-... is a common mistake
                    rest = rest.substring(1);
                }
                return domestic("0" + rest);
            }
            if (!allowInternational) {
                return Result.fail("international number outside Japan");
            }
            return d.length() >= 8 && d.length() <= 15
                    ? Result.ok(d, "international E.164 number")
                    : Result.fail("not an E.164 length");
        }
        return domestic(d);
    }

    private static Result domestic(String d) {
        if (!d.startsWith("0") || d.startsWith("00")) {
            return Result.fail("a domestic number starts with a single 0");
        }
        if (d.length() > 6 && Validators.allSame(d.substring(d.length() - 7))) {
            return Result.fail("a subscriber number of one repeated digit is a placeholder");
        }
        String kind;
        int expected;
        if (d.startsWith("070") || d.startsWith("080") || d.startsWith("090")) {
            kind = "mobile";
            expected = 11;
        } else if (d.startsWith("050")) {
            kind = "IP phone";
            expected = 11;
        } else if (d.startsWith("0120")) {
            kind = "free dial";
            expected = 10;
        } else if (d.startsWith("0800")) {
            kind = "free dial";
            expected = 11;
        } else if (d.startsWith("0570")) {
            kind = "navi dial";
            expected = 10;
        } else if (d.startsWith("020") || d.startsWith("060")) {
            return Result.fail("020/060 numbers are pagers or unassigned");
        } else {
            kind = "landline";
            expected = 10;
        }
        return d.length() == expected
                ? Result.ok(d, kind + " number, " + expected + " digits")
                : Result.fail(kind + " numbers have " + expected + " digits, not " + d.length());
    }
}
