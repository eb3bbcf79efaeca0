package dev.mamori.detect;

import java.util.function.Function;

/** Payment card numbers: Luhn checksum plus a known issuer prefix and length. */
final class CardNumberValidator implements Validator {

    @Override
    public Result validate(String value, Function<String, String> groups) {
        String d = Validators.digits(value);
        if (d.length() < 14 || d.length() > 19) {
            return Result.fail("length " + d.length() + " is not a card length");
        }
        if (Validators.allSame(d)) {
            return Result.fail("all digits the same");
        }
        String issuer = issuer(d);
        if (issuer == null) {
            return Result.fail("no known issuer prefix");
        }
        if (!luhn(d)) {
            return Result.fail("Luhn checksum fails");
        }
        return Result.ok(d, "Luhn ok, " + issuer);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int n = digits.charAt(i) - '0';
            if (dbl) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** The issuer whose prefix and length fit, or null. */
    static String issuer(String d) {
        int len = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) {
            return "JCB";
        }
        if ((p2 == 34 || p2 == 37) && len == 15) {
            return "American Express";
        }
        if (d.charAt(0) == '4' && (len == 13 || len == 16 || len == 19)) {
            return "Visa";
        }
        if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16) {
            return "Mastercard";
        }
        if ((p2 == 36 || (p3 >= 300 && p3 <= 305) || p2 == 38 || p2 == 39) && len >= 14 && len <= 19) {
            return "Diners Club";
        }
        if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && len >= 16 && len <= 19) {
            return "Discover";
        }
        if (p2 == 62 && len >= 16 && len <= 19) {
            return "UnionPay";
        }
        return null;
    }
}
