package dev.mamori.detect;

import java.util.function.Function;

/** My Number (個人番号): 12 digits whose last is a check digit over the first 11. */
final class MyNumberValidator implements Validator {

    @Override
    public Result validate(String value, Function<String, String> groups) {
        String d = Validators.digits(value);
        if (d.length() != 12) {
            return Result.fail("not 12 digits");
        }
        if (Validators.allSame(d)) {
            return Result.fail("all digits the same");
        }
        return checkDigit(d.substring(0, 11)) == d.charAt(11) - '0'
                ? Result.ok(d, "My Number check digit ok")
                : Result.fail("My Number check digit fails");
    }

    /** Check digit for the first 11 digits: weights Q_n = n+1 (n<=6), n-5 (n>=7), n counted from the right. */
    static int checkDigit(String first11) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = first11.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }
}
