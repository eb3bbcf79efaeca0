package dev.mamori.detect;

/**
 * Checks a candidate match beyond its pattern (check digits, calendar dates, number plans).
 * Implementations are stateless and thread-safe; they are looked up by registered name
 * (see {@link Validators}).
 */
public interface Validator {

    /**
     * @param value the matched text, normalised (NFKC)
     * @param groups named groups of the match; returns null for a group that did not take part
     */
    Result validate(String value, java.util.function.Function<String, String> groups);

    /**
     * @param valid     false drops the candidate
     * @param canonical canonical value to use instead of the default (e.g. an ISO date), or null
     * @param note      what the validator found, for the explanation
     */
    record Result(boolean valid, String canonical, String note) {
        public static Result ok(String note) {
            return new Result(true, null, note);
        }

        public static Result ok(String canonical, String note) {
            return new Result(true, canonical, note);
        }

        public static Result fail(String note) {
            return new Result(false, null, note);
        }
    }
}
