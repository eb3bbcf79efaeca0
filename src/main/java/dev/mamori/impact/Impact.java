package dev.mamori.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a set of files holds, counted, and what APPI makes of it. Holds counts and paths only.
 *
 * @param files      files read
 * @param documents  documents (files and archive members) counted in full
 * @param records    personal records (rows or passages with a name and a companion)
 * @param persons    distinct persons: records sharing an identifying pair are one person
 * @param cards      card and bank account numbers found (see {@link #FINANCIAL_TYPES})
 * @param specialCare special care-required data found ({@link #SPECIAL_CARE_TYPE}: a diagnosis, a
 *                    disability, a criminal record, a creed, tied to a person)
 * @param myNumbers  My Numbers (個人番号) found
 * @param notCounted documents or files that could not be counted in full, each "path (why)", sorted
 */
public record Impact(int files, int documents, long records, int persons, int cards, int myNumbers,
                     int specialCare, List<String> notCounted) {

    /** 要配慮個人情報 (APPI art. 2(3)): a leak of any of it must be reported, whatever the count. */
    public static final String SPECIAL_CARE_TYPE = "SPECIAL_CARE_DATA";

    /** Whether per-type counts hold special care-required data. */
    public static boolean specialCare(Map<String, Integer> countsByType) {
        return countsByType.getOrDefault(SPECIAL_CARE_TYPE, 0) > 0;
    }

    /** APPI art. 26 / rule 7: the PPC must be told of a leak of more than 1,000 persons' data. */
    public static final int PERSONS_THRESHOLD = 1_000;

    /**
     * Types whose leak can cause financial damage (APPI rule 7 item 2): card numbers, and bank
     * accounts (branch, 普通/当座 and number) that can be debited or defrauded. Counted as "cards".
     */
    public static final Set<String> FINANCIAL_TYPES = Set.of("CREDIT_CARD_NUMBER", "JAPAN_BANK_ACCOUNT");

    /** Whether per-type counts hold any financial type. */
    public static boolean financial(Map<String, Integer> countsByType) {
        return FINANCIAL_TYPES.stream().anyMatch(t -> countsByType.getOrDefault(t, 0) > 0);
    }

    public Impact {
        notCounted = notCounted.stream().sorted().toList();
    }

    /** The answer, never "not met" without the evidence for it. */
    public enum Judgement {
        /** A criterion is met by what could be read. */
        REQUIRED,
        /** Everything was read and no criterion is met. */
        NOT_MET,
        /** No criterion met by what could be read, but something could not be read (or nothing was there). */
        CANNOT_JUDGE
    }

    /** APPI's report criteria that Mamori can see in data: the key names them in reports. */
    public enum Criterion {
        PERSONS("persons", "more than 1,000 persons"),
        CARDS("cards", "card or bank account numbers (financial damage)"),
        SPECIAL_CARE("special-care", "special care-required data (要配慮個人情報)");

        private final String key;
        private final String label;

        Criterion(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /**
         * The criteria met by a count of distinct persons and whether card numbers and special
         * care-required data were found, in a fixed order.
         */
        public static List<Criterion> met(int persons, boolean cards, boolean specialCare) {
            List<Criterion> out = new ArrayList<>();
            if (persons > PERSONS_THRESHOLD) {
                out.add(PERSONS);
            }
            if (cards) {
                out.add(CARDS);
            }
            if (specialCare) {
                out.add(SPECIAL_CARE);
            }
            return out;
        }
    }

    /** The criteria the data found meets, as labels, in a fixed order. */
    public List<String> criteria() {
        return Criterion.met(persons, cards > 0, specialCare > 0).stream().map(Criterion::label).toList();
    }

    public Judgement judgement() {
        if (!criteria().isEmpty()) {
            return Judgement.REQUIRED;
        }
        return notCounted.isEmpty() && documents > 0 ? Judgement.NOT_MET : Judgement.CANNOT_JUDGE;
    }
}
