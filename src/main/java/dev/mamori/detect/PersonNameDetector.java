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
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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

    private final RuleSpec spec;
    private final UserDictionary userDictionary;
    private final Set<String> honorifics;
    private final Confidence honorificConfidence;
    private final boolean surnameWithHonorific;

    public PersonNameDetector(RuleSpec spec, UserDictionary userDictionary, Set<String> honorifics,
                              Confidence honorificConfidence, boolean surnameWithHonorific) {
        this.spec = spec;
        this.userDictionary = userDictionary;
        this.honorifics = Set.copyOf(honorifics);
        this.honorificConfidence = honorificConfidence;
        this.surnameWithHonorific = surnameWithHonorific;
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

    private record Token(int start, int end, String pos, String surface) {
        boolean isSpace() {
            return surface.isBlank();
        }
    }

    @Override
    public RuleSpec spec() {
        return spec;
    }

    @Override
    public List<Finding> detect(ScanText text) {
        List<Token> tokens = tokenize(text.text(), spec.deadline());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.pos().equals(SURNAME)) {
                int j = skipSpaces(tokens, i + 1, text.text());
                boolean full = j < tokens.size() && tokens.get(j).pos().equals(GIVEN);
                int end = full ? tokens.get(j).end() : t.end();
                int after = skipSpaces(tokens, full ? j + 1 : i + 1, text.text());
                boolean honorific = after < tokens.size() && honorifics.contains(tokens.get(after).surface());
                if (!full && !(honorific && surnameWithHonorific)) {
                    continue;
                }
                Finding f = judge(text, t.start(), end, full ? "IPADIC surname + given name" : "IPADIC surname",
                        honorific ? tokens.get(after).surface() : null);
                if (f != null) {
                    findings.add(f);
                }
                i = full ? j : i;
            } else if (t.pos().equals(FULL) && t.end() - t.start() >= 2) {
                int after = skipSpaces(tokens, i + 1, text.text());
                boolean honorific = after < tokens.size() && honorifics.contains(tokens.get(after).surface());
                Finding f = judge(text, t.start(), t.end(), "IPADIC person name",
                        honorific ? tokens.get(after).surface() : null);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return findings;
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
        while (j < tokens.size() && tokens.get(j).isSpace() && !tokens.get(j).surface().contains("\n")
                && j - from < 2) {
            j++;
        }
        return j;
    }

    private List<Token> tokenize(String text, long deadline) {
        List<Token> tokens = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(userDictionary, false, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = tokenizer.addAttribute(PartOfSpeechAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            int count = 0;
            while (tokenizer.incrementToken()) {
                String p = pos.getPartOfSpeech();
                tokens.add(new Token(offset.startOffset(), offset.endOffset(), p == null ? "" : p, term.toString()));
                if ((++count & 0x3FF) == 0 && System.nanoTime() > deadline) {
                    throw new BudgetExceededException("rule '" + spec.id() + "' exceeded its time budget");
                }
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
