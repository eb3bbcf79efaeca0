package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Normalisation and its map back to the original: what findings report as their offsets and evidence. */
class NormalizedTextTest {

    @Test
    void fullWidthDigitsAndHyphensBecomeAsciiAndMapBackToTheOriginal() {
        NormalizedText n = NormalizedText.of("電話０９０－１２３４－５６７８まで");
        assertThat(n.text()).isEqualTo("電話090-1234-5678まで");
        int start = n.text().indexOf("090");
        int end = start + "090-1234-5678".length();
        assertThat(n.originalSpan(start, end)).isEqualTo("０９０－１２３４－５６７８");
    }

    @Test
    void halfWidthKanaWithItsVoicingMarkIsOneCharMappedToBoth() {
        NormalizedText n = NormalizedText.of("ｶﾞｸ");
        assertThat(n.text()).isEqualTo("ガク");
        assertThat(n.originalSpan(0, 1)).isEqualTo("ｶﾞ");
        assertThat(n.originalSpan(1, 2)).isEqualTo("ｸ");
    }

    @Test
    void theProlongedSoundMarkIsAHyphenOnlyBetweenDigits() {
        assertThat(NormalizedText.of("03ー1234ー5678").text()).isEqualTo("03-1234-5678");
        assertThat(NormalizedText.of("ラーメン 3ー").text()).isEqualTo("ラーメン 3ー");
    }

    private static final String[] PIECES = {"a", "Z", "7", "０", "９", "Ａ", "ｶ", "ﾞ", "ﾟ", "ｰ", "ー", "－", "—", "山", "田",
        "\uD842\uDFB7", "e\u0301", " ", "\n", "\t", "①", "㍿", "ﾊﾟ", "@", "〒"};

    @RepeatedTest(50)
    void everyNormalisedCharMapsToAnOrderedSpanOfTheOriginal() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = r.nextInt(200); i < n; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        String original = b.toString();
        NormalizedText n = NormalizedText.of(original);
        int previousStart = 0;
        for (int i = 0; i < n.length(); i++) {
            int start = n.originalStart(i);
            int end = n.originalEnd(i + 1);
            assertThat(start).as("seed %d, char %d", seed, i).isBetween(previousStart, original.length() - 1);
            assertThat(end).as("seed %d, char %d", seed, i).isGreaterThan(start).isLessThanOrEqualTo(original.length());
            previousStart = start;
        }
        if (!original.isEmpty()) {
            assertThat(n.originalSpan(0, n.length())).as("seed %d: the whole maps to the whole", seed).isEqualTo(original);
        }
    }
}
