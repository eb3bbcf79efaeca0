package dev.mamori.report;

import dev.mamori.impact.Impact;
import java.time.Instant;
import java.util.List;

/**
 * One file that may have to be reported under APPI, judged on distinct persons like {@code mamori impact}.
 *
 * @param path      the file
 * @param exitPoint where it was found leaving
 * @param time      when it was (last) judged
 * @param rows      personal records (rows) the agent counted
 * @param persons   distinct persons in the file as read again, or -1 when it could not be read
 * @param judgement the answer
 * @param criteria  criterion keys met: {@code persons}, {@code cards}
 */
public record AppiCase(String path, String exitPoint, Instant time, long rows, int persons, Impact.Judgement judgement,
                       List<String> criteria) {

    public AppiCase {
        criteria = List.copyOf(criteria);
    }
}
