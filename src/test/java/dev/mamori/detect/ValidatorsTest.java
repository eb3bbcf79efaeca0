package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check digits and number plans, on published examples and as invariants over random numbers. */
class ValidatorsTest {

    private static boolean valid(Validator v, String value) {
        return v.validate(value, g -> null).valid();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "my-number, 123456789018, true", // the example the Digital Agency's documents use
            "my-number, 1234 5678 9018, true",
            "my-number, 123456789017, false",
            "my-number, 111111111111, false", // all the same: not issued
            "my-number, 12345678901, false",
            "corporate-number, 7000012050002, true", // 国税庁
            "corporate-number, 1000012050002, false",
            "corporate-number, 700001205000, false",
            "luhn-card, 4111 1111 1111 1111, true",
            "luhn-card, 4111 1111 1111 1112, false",
            "luhn-card, 3530 1113 3330 0000, true", // JCB test number
            "luhn-card, 0000 0000 0000 0000, false"})
    void publishedExamples(String validator, String value, boolean expected) {
        Validator v = Validators.create(validator, java.util.Map.of(), java.time.Clock.systemUTC());
        assertThat(valid(v, value)).as(validator + " " + value).isEqualTo(expected);
    }

    @RepeatedTest(20)
    void exactlyOneCheckDigitCompletesAMyNumber() {
        Random r = new Random();
        String first11 = digits(r, 11);
        MyNumberValidator v = new MyNumberValidator();
        int passing = 0;
        for (int d = 0; d <= 9; d++) {
            if (valid(v, first11 + d) && !Validators.allSame(first11 + d)) {
                passing++;
                assertThat(d).isEqualTo(MyNumberValidator.checkDigit(first11));
            }
        }
        assertThat(passing).as(first11).isLessThanOrEqualTo(1);
    }

    @RepeatedTest(20)
    void exactlyOneCheckDigitCompletesACorporateNumber() {
        Random r = new Random();
        String base = digits(r, 12);
        CorporateNumberValidator v = new CorporateNumberValidator();
        int passing = 0;
        for (int d = 1; d <= 9; d++) {
            passing += valid(v, d + base) ? 1 : 0;
        }
        assertThat(passing).as(base).isLessThanOrEqualTo(1);
    }

    @RepeatedTest(20)
    void luhnCatchesEverySingleDigitMistake() {
        Random r = new Random();
        String prefix = "4" + digits(r, 14);
        String number = null;
        for (int d = 0; d <= 9 && number == null; d++) {
            if (CardNumberValidator.luhn(prefix + d)) {
                number = prefix + d;
            }
        }
        assertThat(number).as("one last digit completes " + prefix).isNotNull();
        for (int i = 0; i < number.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != number.charAt(i)) {
                    String typo = number.substring(0, i) + c + number.substring(i + 1);
                    assertThat(CardNumberValidator.luhn(typo)).as(typo).isFalse();
                }
            }
        }
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }
}
