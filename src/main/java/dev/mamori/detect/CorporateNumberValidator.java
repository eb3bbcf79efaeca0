package dev.mamori.detect;

import java.util.function.Function;

/** Corporate number (法人番号): 13 digits whose FIRST is a check digit over the other 12. */
final class CorporateNumberValidator implements Validator {

    @Override
    public Result validate(String value, Function<String, String> groups) {
        String d = Validators.digits(value);
        if (d.length() != 13) {
            return Result.fail("not 13 digits");
        }
        if (Validators.allSame(d.substring(1))) {
            return Result.fail("all digits the same");
        }
        return checkDigit(d.substring(1)) == d.charAt(0) - '0'
                ? Result.ok(d, "corporate number check digit ok")
                : Result.fail("corporate number check digit fails");
    }

    /** Check digit for the 12 base digits: weights 1 (odd n) and 2 (even n), n counted from the right. */
    static int checkDigit(String base12) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int p = base12.charAt(12 - n) - '0';
            sum += p * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }
}
