package dev.mamori.detect;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Detector kind {@code person-name}: Japanese names found by morphological analysis. Kuromoji's
 * IPADIC dictionary tags surnames ({@code 名詞-固有名詞-人名-姓}) and given names ({@code ...-人名-名});
 * a surname followed (with or without a space) by a given name is a full name. An honorific after
 * it (様, さん, 殿) raises the confidence; a surname alone counts only with an honorific.
 * The rule pack can add surnames and given names, which become a Kuromoji user dictionary.
 */
public final class PersonNameDetector implements Detector {

    private static final String SURNAME = "名詞-固有名詞-人名-姓";
    private static final String GIVEN = "名詞-固有名詞-人名-名";
    private static final String FULL = "名詞-固有名詞-人名-一般";
    private static final String UNKNOWN = "未知語";
    private static final String RUN_BOUNDARY = "記号-境界";

    private final RuleSpec spec;
    private final UserDictionary userDictionary;
    private final Set<String> honorifics;
    private final Confidence honorificConfidence;
    private final boolean surnameWithHonorific;
    /** Tokenizers are not thread-safe but are reusable: one per scanning thread. */
    private final ThreadLocal<JapaneseTokenizer> tokenizers;
    private final Anchors anchors;
    /** Tables with one of these headings have a name column that a column rule reads: no analysis needed. */
    private final List<String> skipHeadings;

    /**
     * @param anchors where names are worth looking for: morphological analysis runs only on the
     *                runs of Japanese text within these windows (near a phone number, a label, an honorific)
     */
    public PersonNameDetector(RuleSpec spec, UserDictionary userDictionary, Set<String> honorifics,
                              Confidence honorificConfidence, boolean surnameWithHonorific, Anchors anchors,
                              List<String> skipTablesWithHeaders) {
        this.anchors = anchors;
        this.skipHeadings = skipTablesWithHeaders.stream().map(ScanText::searchForm).toList();
        this.spec = spec;
        this.userDictionary = userDictionary;
        this.honorifics = Set.copyOf(honorifics);
        this.honorificConfidence = honorificConfidence;
        this.surnameWithHonorific = surnameWithHonorific;
        this.tokenizers = ThreadLocal.withInitial(() -> {
            JapaneseTokenizer t = new JapaneseTokenizer(userDictionary, false, JapaneseTokenizer.Mode.NORMAL);
            t.addAttribute(OffsetAttribute.class);
            t.addAttribute(PartOfSpeechAttribute.class);
            return t;
        });
    }

    /** Builds the user dictionary for extra surnames and given names (one word per entry). */
    public static UserDictionary dictionary(List<String> surnames, List<String> givenNames) {
        if (surnames.isEmpty() && givenNames.isEmpty()) {
            return null;
        }
        StringBuilder csv = new StringBuilder();
        for (String s : surnames) {
            csv.append(s).append(',').append(s).append(',').append(s).append(",名詞-固有名詞-人名-姓\n");
        }
        for (String g : givenNames) {
            csv.append(g).append(',').append(g).append(',').append(g).append(",名詞-固有名詞-人名-名\n");
        }
        try {
            return UserDictionary.open(new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token as offsets into the tokenised text; its surface is only copied out when needed. */
    private record Token(int start, int end, String pos, String source) {
        String surface() {
            return source.substring(start, end);
        }

        /** A space between name parts; a tab or line break separates cells and lines, not names. */
        boolean isSpace() {
            if (start == end) {
                return false;
            }
            for (int i = start; i < end; i++) {
                char c = source.charAt(i);
                if (c != ' ' && c != '\u3000') {
                    return false;
                }
            }
            return true;
        }

        boolean isBlank() {
            for (int i = start; i < end; i++) {
                if (!Character.isWhitespace(source.charAt(i)) && source.charAt(i) != '\u3000') {
                    return false;
                }
            }
            return true;
        }

        boolean isJapaneseWord() {
            for (int i = start; i < end; i++) {
                if (!isJapaneseLetter(source.charAt(i))) {
                    return false;
                }
            }
            return start < end;
        }

        boolean is(java.util.Set<String> words) {
            return end - start <= 3 && words.contains(surface());
        }
    }

    @Override
    public RuleSpec spec() {
        return spec;
    }

    @Override
    public Set<String> literals() {
        Set<String> all = new java.util.HashSet<>(spec.literals());
        all.addAll(anchors.strings());
        return all;
    }

    @Override
    public List<Finding> detect(ScanText text) {
        List<Token> tokens = tokenize(fullWidthPunctuation(text.text()), anchors.regions(text), skippedLines(text),
                spec.budget().toMillis() * TOKENS_PER_BUDGET_MS);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.pos().equals(SURNAME) || (isNoun(t) && nextIsGivenName(tokens, i, text.text()))) {
                int j = skipSpaces(tokens, i + 1, text.text());
                boolean spaced = j > i + 1;
                int givenEnd = -1;
                String how = "IPADIC surname";
                if (j < tokens.size() && tokens.get(j).pos().equals(GIVEN)) {
                    givenEnd = j;
                    how = "IPADIC surname + given name";
                } else if (spaced) {
                    givenEnd = shortGivenName(tokens, j);
                    how = "IPADIC surname + space + short given name";
                }
                boolean full = givenEnd >= 0;
                int end = full ? tokens.get(givenEnd).end() : t.end();
                int after = skipSpaces(tokens, full ? givenEnd + 1 : i + 1, text.text());
                boolean honorific = after < tokens.size() && tokens.get(after).is(honorifics);
                if (!full && !(honorific && surnameWithHonorific)) {
                    continue;
                }
                if (!hasKanji(text.text(), t.start(), end)) {
                    continue; // しらたき: hiragana words the dictionary mistakes for names
                }
                Finding f = judge(text, t.start(), end, how, honorific ? tokens.get(after).surface() : null);
                if (f != null) {
                    findings.add(f);
                }
                i = full ? givenEnd : i;
            } else if (t.pos().equals(FULL) && t.end() - t.start() >= 2) {
                int after = skipSpaces(tokens, i + 1, text.text());
                boolean honorific = after < tokens.size() && tokens.get(after).is(honorifics);
                Finding f = judge(text, t.start(), t.end(), "IPADIC person name",
                        honorific ? tokens.get(after).surface() : null);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
    }

    /**
     * IPADIC tags a surname by its neighbours; after some punctuation it calls 山田 a common noun.
     * A short kanji or kana noun right before a tagged given name (太郎) is taken as the surname.
     */
    private static boolean isNoun(Token t) {
        int len = t.end() - t.start();
        return len >= 1 && len <= 3 && (t.pos().startsWith("名詞-一般") || t.pos().startsWith("名詞-固有名詞"))
                && t.isJapaneseWord();
    }

    /**
     * After "surname + space", a given name the dictionary does not know (明美, 蓮): one to three
     * kanji or kana in at most two tokens, followed by a boundary (space, punctuation, line end,
     * honorific). Returns the index of its last token, or -1.
     */
    private int shortGivenName(List<Token> tokens, int j) {
        int length = 0;
        int k = j;
        while (k < tokens.size() && k - j < 2) {
            Token t = tokens.get(k);
            if (t.isSpace() || !t.isJapaneseWord()
                    || !(t.pos().startsWith("名詞-固有名詞") || t.pos().equals(UNKNOWN)
                         || (t.pos().startsWith("名詞-一般") && t.end() - t.start() <= 2))) {
                break; // particles, symbols, numbers and long common words (保護者) are not given names
            }
            length += t.end() - t.start();
            k++;
            if (length > 3) {
                return -1;
            }
            if (k >= tokens.size() || isBoundary(tokens.get(k))) {
                return k - 1;
            }
        }
        return -1;
    }

    private boolean isBoundary(Token t) {
        return t.isSpace() || t.isBlank() || t.pos().startsWith("記号") || t.is(honorifics)
                || !t.isJapaneseWord();
    }

    /** Line number of {@code pos}, counting newlines on from the previous call's position. */
    private static int lineOf(String text, int pos, int[] cache) {
        for (int i = cache[0]; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                cache[1]++;
            }
        }
        cache[0] = Math.max(cache[0], pos);
        return cache[1];
    }

    private static boolean hasKanji(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if ((c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '々') {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsGivenName(List<Token> tokens, int i, String text) {
        int j = skipSpaces(tokens, i + 1, text);
        return j < tokens.size() && tokens.get(j).pos().equals(GIVEN);
    }

    /** Kanji, hiragana or katakana (BMP ranges; surrogate kanji are rare in names and count as not). */
    static boolean isJapaneseLetter(char c) {
        return (c >= '\u3041' && c <= '\u30FF' && c != '\u30FB') || (c >= '\u4E00' && c <= '\u9FFF')
                || (c >= '\u3400' && c <= '\u4DBF') || c == '々' || (c >= '\uF900' && c <= '\uFAFF');
    }

    /**
     * Kuromoji's dictionary knows full-width punctuation, which NFKC turned into ASCII; giving it
     * back (one char for one, so offsets hold) keeps its tagging as good as on the original text.
     */
    static String fullWidthPunctuation(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '!' && c <= '~' && !Character.isLetterOrDigit(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) (c - '!' + '\uFF01');
            }
        }
        return chars == null ? text : new String(chars);
    }

    private Finding judge(ScanText text, int start, int end, String how, String honorific) {
        Finding f = CandidateJudge.judge(spec, text, start, end, how, name -> null, null);
        if (f != null && honorific != null && honorificConfidence.compareTo(f.confidence()) > 0) {
            f = f.withConfidence(honorificConfidence, "honorific '" + honorific + "': " + honorificConfidence.label());
        }
        return f;
    }

    /** Skips one run of spaces (half- or full-width) between name parts, but never a line break. */
    private static int skipSpaces(List<Token> tokens, int from, String text) {
        int j = from;
        while (j < tokens.size() && tokens.get(j).isSpace()
                && j - from < 2) {
            j++;
        }
        return j;
    }

    /**
     * Tokenises only the runs of Japanese letters (with the spaces inside them): names are made of
     * kanji and kana, and digits, Latin text and punctuation, which make up much of a roster or a
     * log, need no morphological analysis. A boundary token separates runs so that no name is
     * joined across a comma or a cell.
     */
    /** Rows of tables that have a name column (a roster with 氏名): the column rule finds their names. */
    private java.util.BitSet skippedLines(ScanText text) {
        java.util.BitSet skipped = new java.util.BitSet();
        if (skipHeadings.isEmpty()) {
            return skipped;
        }
        TextLayout layout = text.layout();
        java.util.Map<Integer, Boolean> headerHasName = new java.util.HashMap<>();
        for (int line = 0; line < layout.lineCount(); line++) {
            int header = layout.headerLineOf(line);
            if (header < 0) {
                continue;
            }
            boolean named = headerHasName.computeIfAbsent(header, h -> {
                for (TextLayout.Cell cell : layout.cells(h)) {
                    String heading = ScanText.asciiLower(cell.text());
                    for (String k : skipHeadings) {
                        if (ContextMatcher.headingMatches(heading, k)) {
                            return true;
                        }
                    }
                }
                return false;
            });
            if (named) {
                skipped.set(line);
            }
        }
        return skipped;
    }

    /**
     * The rule's budget counted in tokens, not wall time: morphological analysis is linear in the
     * text, so a token bound caps its cost as well, and the same text always gets the same names
     * (a wall-clock cut made a 1 MB roster's count depend on the machine's load). About what
     * Kuromoji analyses in a millisecond on a laptop core.
     */
    static final long TOKENS_PER_BUDGET_MS = 1_000;

    private List<Token> tokenize(String text, int[] regions, java.util.BitSet skippedLines, long maxTokens) {
        List<Token> tokens = new ArrayList<>();
        JapaneseTokenizer tokenizer = tokenizers.get();
        OffsetAttribute offset = tokenizer.getAttribute(OffsetAttribute.class);
        PartOfSpeechAttribute pos = tokenizer.getAttribute(PartOfSpeechAttribute.class);
        try {
            int count = 0;
            int i = 0;
            int n = text.length();
            int region = 0;
            int[] lineCache = {0, 0}; // [position reached, line number there]: runs come in text order
            while (i < n) {
                while (i < n && !isJapaneseLetter(text.charAt(i))) {
                    i++;
                }
                int start = i;
                int end = i;
                while (i < n && (isJapaneseLetter(text.charAt(i)) || text.charAt(i) == ' ')) {
                    if (text.charAt(i) != ' ') {
                        end = i + 1;
                    }
                    i++;
                }
                while (region < regions.length && regions[region + 1] <= start) {
                    region += 2;
                }
                boolean inRegion = region < regions.length && regions[region] < end;
                if (!inRegion || end - start < 2 || !hasKanji(text, start, end)
                        || (!skippedLines.isEmpty() && skippedLines.get(lineOf(text, start, lineCache)))) {
                    continue;
                }
                tokenizer.setReader(new StringReader(text.substring(start, end)));
                try {
                    tokenizer.reset();
                    while (tokenizer.incrementToken()) {
                        String p = pos.getPartOfSpeech();
                        tokens.add(new Token(start + offset.startOffset(), start + offset.endOffset(),
                                p == null ? "" : p, text));
                        if (++count > maxTokens) {
                            throw new BudgetExceededException("rule '" + spec.id() + "' exceeded its budget of "
                                    + maxTokens + " tokens");
                        }
                    }
                    tokenizer.end();
                } finally {
                    tokenizer.close(); // ready for the next run, even after a budget overrun
                }
                tokens.add(new Token(end, end, RUN_BOUNDARY, text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
