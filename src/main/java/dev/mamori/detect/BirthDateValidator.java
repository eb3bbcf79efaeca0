package dev.mamori.detect;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.function.Function;

/**
 * Birth dates: the named groups {@code era}, {@code y}, {@code m}, {@code d} of a date pattern must
 * make a real calendar date inside its era (昭和64年 ended on 7 January 1989), not in the future,
 * and an age between the configured bounds. The month may be written in English (12 March 1985).
 */
final class BirthDateValidator implements Validator {

    private enum Era {
        MEIJI(1867, LocalDate.of(1868, 1, 25), "明治", "M"),
        TAISHO(1911, LocalDate.of(1912, 7, 30), "大正", "T"),
        SHOWA(1925, LocalDate.of(1926, 12, 25), "昭和", "S"),
        HEISEI(1988, LocalDate.of(1989, 1, 8), "平成", "H"),
        REIWA(2018, LocalDate.of(2019, 5, 1), "令和", "R");

        final int offset;
        final LocalDate start;
        final String kanji;
        final String letter;

        Era(int offset, LocalDate start, String kanji, String letter) {
            this.offset = offset;
            this.start = start;
            this.kanji = kanji;
            this.letter = letter;
        }

        static Era of(String name) {
            for (Era e : values()) {
                if (e.kanji.equals(name) || e.letter.equalsIgnoreCase(name)) {
                    return e;
                }
            }
            return null;
        }

        LocalDate end() {
            return ordinal() + 1 < values().length ? values()[ordinal() + 1].start : LocalDate.MAX;
        }
    }

    private final Clock clock;
    private final int minAge;
    private final int maxAge;

    BirthDateValidator(Clock clock, int minAge, int maxAge) {
        this.clock = clock;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    @Override
    public Result validate(String value, Function<String, String> groups) {
        String y = groups.apply("y");
        String m = groups.apply("m");
        String d = groups.apply("d");
        if (y == null || m == null || d == null) {
            return Result.fail("pattern lacks y/m/d groups");
        }
        LocalDate today = LocalDate.now(clock);
        String eraName = groups.apply("era");
        int year;
        Era era = null;
        if (eraName != null && !eraName.isEmpty()) {
            era = Era.of(eraName);
            if (era == null) {
                return Result.fail("unknown era '" + eraName + "'");
            }
            int eraYear = y.equals("元") ? 1 : Integer.parseInt(y);
            if (eraYear < 1) {
                return Result.fail("era year 0");
            }
            year = era.offset + eraYear;
        } else if (y.length() == 2) {
            int yy = Integer.parseInt(y);
            year = 2000 + yy <= today.getYear() ? 2000 + yy : 1900 + yy;
        } else if (y.length() == 4) {
            year = Integer.parseInt(y);
        } else {
            return Result.fail("year '" + y + "' has neither 2 nor 4 digits");
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return Result.fail("not a calendar date");
        }
        if (era != null && (date.isBefore(era.start) || !date.isBefore(era.end()))) {
            return Result.fail(date + " is outside the " + era.kanji + " era");
        }
        if (date.isAfter(today)) {
            return Result.fail("date in the future");
        }
        int age = Period.between(date, today).getYears();
        if (age < minAge || age > maxAge) {
            return Result.fail("age " + age + " outside " + minAge + "-" + maxAge);
        }
        // never the age itself: beside a masked date it would give the birth year away
        return Result.ok(date.toString(), "real calendar date" + (era != null ? " in the " + era.kanji + " era" : "")
                + ", age within " + minAge + "-" + maxAge);
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    /** A month as digits (4, 04) or an English name or abbreviation (March, Mar, Sept.). */
    static int month(String m) {
        if (!m.isEmpty() && Character.isDigit(m.charAt(0))) {
            return Integer.parseInt(m);
        }
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (lower.startsWith(MONTHS[i])) {
                return i + 1;
            }
        }
        throw new NumberFormatException("not a month: " + m);
    }
}
