package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.bench.CorpusGenerator;
import dev.mamori.rules.RuleSet;
import dev.mamori.rules.RuleSetLoader;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One Aho–Corasick pass answers for every rule what one indexOf loop per literal used to. */
class LiteralIndexTest {

    @Test
    void overlappingOccurrencesAreAllFoundInOrder() {
        ScanText text = ScanText.of("aaaa 東京都京都府 TEL");
        text.index(new LiteralIndex(List.of("aa", "東京", "京都", "tel", "absent")));

        assertThat(text.occurrences("aa")).containsExactly(0, 1, 2);
        assertThat(text.occurrences("東京")).containsExactly(5);
        assertThat(text.occurrences("京都")).containsExactly(6, 8);
        assertThat(text.occurrences("tel")).containsExactly(12); // searched in the lower-cased text
        assertThat(text.occurrences("absent")).isEmpty();
    }

    @Test
    void aLiteralOutsideTheIndexIsSearchedForOnRequest() {
        ScanText text = ScanText.of("氏名 山田 氏名");
        text.index(new LiteralIndex(List.of("住所")));

        assertThat(text.occurrences("氏名")).containsExactly(0, 6);
        assertThat(text.contains("住所")).isFalse();
    }

    @Test
    void theIndexAgreesWithASearchPerLiteralOnMixedText() throws Exception {
        RuleSet rules = new RuleSetLoader(Clock.systemUTC()).loadBundled();
        List<String> literals = rules.engine().detectors().stream()
                .flatMap(d -> d.literals().stream()).distinct().sorted().toList();
        String sample = new CorpusGenerator(3).textOfBytes(200_000);
        ScanText indexed = ScanText.of(sample);
        indexed.index(new LiteralIndex(literals));
        ScanText searched = ScanText.of(sample);

        assertThat(literals).hasSizeGreaterThan(100);
        for (String literal : literals) {
            assertThat(indexed.occurrences(literal)).as(literal).containsExactly(searched.occurrences(literal));
        }
    }

    @Test
    void everyRuleFindsTheSameWithAndWithoutTheIndex() throws Exception {
        RuleSet rules = new RuleSetLoader(Clock.systemUTC()).loadBundled();
        DetectionEngine engine = rules.engine();
        String sample = new CorpusGenerator(5).textOfBytes(100_000);
        ScanText indexed = ScanText.of(sample);
        engine.detect(indexed); // indexes the text for every rule
        ScanText searched = ScanText.of(sample);

        long total = 0;
        for (Detector d : engine.detectors()) {
            List<Finding> withIndex = d.spec().mayMatch(indexed) ? d.detect(indexed) : List.of();
            List<Finding> without = d.spec().mayMatch(searched) ? d.detect(searched) : List.of();
            assertThat(withIndex).as(d.spec().id()).isEqualTo(without);
            total += withIndex.size();
        }
        assertThat(total).isPositive();
    }
}
