package dev.mamori.alert;

import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Parses the Lucene query of {@code mamori alerts search} (and impact, report). Fields from closed
 * sets are matched in whatever case the user types ({@code severity:HIGH}, {@code exit:USB},
 * {@code type:japan_individual_number}): their terms are put into the case the store indexes them
 * in, so stores written before this need no re-indexing. Paths, hosts, users and ids stay exact.
 */
final class AlertQuery extends QueryParser {

    /** Indexed in lower case. */
    private static final Set<String> LOWER = Set.of("severity", "exit", "action", "appi", "kind");
    /** Indexed in upper case (information types). */
    private static final Set<String> UPPER = Set.of("type");

    private AlertQuery() {
        super("path", new KeywordAnalyzer());
        setAllowLeadingWildcard(true);
    }

    /**
     * @throws IllegalArgumentException with a one-line reason, for any query that does not parse
     */
    static Query parseQuery(String query) {
        try {
            return new AlertQuery().parse(query == null ? "" : query);
        } catch (ParseException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException("cannot parse query '" + query + "': " + why.lines().findFirst().orElse("")
                    + (query != null && query.contains("/") ? " (a / starts a regular expression: quote paths, "
                    + "e.g. path:\"/media/usb/list.csv\", or escape it as \\/)" : ""));
        }
    }

    static String normalise(String field, String text) {
        if (text == null) {
            return null;
        }
        if (LOWER.contains(field)) {
            return text.toLowerCase(Locale.ROOT);
        }
        return UPPER.contains(field) ? text.toUpperCase(Locale.ROOT) : text;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return super.getFieldQuery(field, normalise(field, queryText), quoted);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(field, normalise(field, termStr));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(field, normalise(field, termStr));
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return super.getRegexpQuery(field, normalise(field, termStr));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(field, normalise(field, termStr), minSimilarity);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        return super.getRangeQuery(field, normalise(field, part1), normalise(field, part2), startInclusive, endInclusive);
    }
}
