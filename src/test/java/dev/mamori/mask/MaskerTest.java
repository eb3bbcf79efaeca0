package dev.mamori.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masking, as a table of examples and as invariants over generated values: whatever the value, the
 * masked text never holds it, nor a whole name part.
 */
class MaskerTest {

    private static final String SURNAMES = "林森関東西原堀岡谷泉高橋佐藤鈴木田中渡辺山本中村小林加藤吉田山田";
    private static final String GIVEN = "肇茂誠清勇光愛恵さくらはなこゆみタロウケンジあいうえおマリ";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            林 肇          | * *
            高橋 さ        | 高* *
            高橋 さくら    | 高* さ**
            林　肇         | * *
            Li Na          | L* N*
            マイケル・ジョーダン | マ***・ジ****
            """)
    void names(String raw, String masked) {
        assertThat(Masker.mask(MaskStyle.NAME, raw)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PHONE | 090-1234-5678        | 090-****-5678
            PHONE | 03-1234-5678         | 03-****-5678
            PHONE | 0120-12-3456         | 01**-**-3456
            PHONE | 12-3456              | **-*456
            LAST4 | 4980-0000-0000-0014  | ****-****-****-0014
            LAST4 | EMP-123456           | ***-**3456
            LAST4 | 1234                 | **34
            EMAIL | t@example.jp         | ***@example.jp
            EMAIL | taro@example.jp      | t***@example.jp
            DATE  | 昭和56年3月3日        | 昭和**年*月*日
            DATE  | 昭和五十六年三月三日  | 昭和***年*月*日
            DATE  | 平成元年1月8日        | 平成*年*月*日
            ADDRESS | 愛知県名古屋市中村区名駅1-1-4 | 愛知県名古屋市中村区*******
            ADDRESS | 名古屋市中村区名駅1-1-4 | 名古屋市中村区*******
            ADDRESS | 東京都町田市森野2-2-22 | 東京都町田市********
            ADDRESS | 千葉県市川市八幡1-1-1 | 千葉県市川市*******
            ADDRESS | 三重県四日市市諏訪町1-5 | 三重県四日市市******
            ADDRESS | 東京都千代田区丸の内1-2-3 | 東京都千代田区********
            ADDRESS | 北海道虻田郡倶知安町北1条東2丁目 | 北海道虻田郡倶知安町*******
            ADDRESS | 長野県北安曇郡白馬村北城1 | 長野県北安曇郡白馬村***
            ADDRESS | 愛知県豊田市挙母町3丁12番地 | 愛知県豊田市*********
            ADDRESS | 大阪市北区梅田２丁目４番９号 | 大阪市北区*********
            """)
    void otherStyles(MaskStyle style, String raw, String masked) {
        assertThat(Masker.mask(style, raw)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /media/taro/STICK/顧客リスト_202611.csv  | /m****/t***/S****/顧***********.csv
            C:\\Users\\高橋\\履歴書_高橋さくら.docx    | C*\\U****\\高*\\履********.docx
            /srv/export.zip!/名簿/林.xlsx            | /s**/e*****.zip!/名*/*.xlsx
            /a/.bashrc                               | /*/.******
            """)
    void paths(String raw, String masked) {
        assertThat(Masker.path(raw)).isEqualTo(masked);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noGeneratedNameKeepsAWholePart(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 5_000; n++) {
            int parts = 1 + random.nextInt(3);
            String[] raw = new String[parts];
            for (int p = 0; p < parts; p++) {
                raw[p] = pick(random, p == 0 ? SURNAMES : GIVEN, 1 + random.nextInt(4));
            }
            String name = String.join(random.nextBoolean() ? " " : "\u3000", raw);
            String[] masked = Masker.mask(MaskStyle.NAME, name).split("[ \u3000]");
            assertThat(masked).as(name).hasSize(parts);
            for (int p = 0; p < parts; p++) {
                assertThat(masked[p]).as(name).isNotEqualTo(raw[p]).hasSameSizeAs(raw[p]);
                assertThat(masked[p].substring(Math.min(1, masked[p].length() - 1))).as(name).matches("\\**");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noGeneratedPhoneNumberShowsMoreThanItsEnds(long seed) {
        Random random = new Random(seed);
        String[] formats = {"0##-####-####", "0#-####-####", "0###-##-####", "0##0-###-###", "0##########", "+81-##-####-####",
                "###-####"};
        for (int n = 0; n < 5_000; n++) {
            String phone = digits(random, formats[random.nextInt(formats.length)]);
            String masked = Masker.mask(MaskStyle.PHONE, phone);
            assertThat(masked).as(phone).isNotEqualTo(phone).hasSameSizeAs(phone);
            assertThat(masked.chars().filter(c -> c == '*').count()).as(phone).isGreaterThanOrEqualTo(4);
            assertThat(masked.replaceAll("[^0-9]", "")).as(phone).isNotEqualTo(phone.replaceAll("[^0-9]", ""));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noGeneratedDateKeepsADigit(long seed) {
        Random random = new Random(seed);
        String[] formats = {"19##/##/##", "20##-##-##", "昭和##年#月##日", "平成#年##月#日", "S##.##.##", "##/##/19##"};
        String kanji = "〇一二三四五六七八九十";
        Pattern numeral = Pattern.compile("[0-9〇一二三四五六七八九十元]");
        for (int n = 0; n < 5_000; n++) {
            String date = digits(random, formats[random.nextInt(formats.length)]);
            if (random.nextInt(4) == 0) {
                StringBuilder k = new StringBuilder();
                date.chars().forEach(c -> k.append(c >= '0' && c <= '9' ? kanji.charAt(c - '0') : (char) c));
                date = k.toString();
            }
            String masked = Masker.mask(MaskStyle.DATE, date);
            assertThat(numeral.matcher(masked).find()).as(date + " -> " + masked).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void noGeneratedCardOrEmailIsShownWhole(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 5_000; n++) {
            String card = digits(random, "#".repeat(1 + random.nextInt(16)));
            assertThat(Masker.mask(MaskStyle.LAST4, card)).as(card).isNotEqualTo(card);
            String local = pick(random, "abcdefghijklmnopqrstuvwxyz0123456789._", 1 + random.nextInt(8));
            String email = local + "@example.co.jp";
            assertThat(Masker.mask(MaskStyle.EMAIL, email)).as(email).doesNotContain(local + "@");
        }
    }

    private static String pick(Random random, String from, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(from.charAt(random.nextInt(from.length())));
        }
        return b.toString();
    }

    private static String digits(Random random, String format) {
        StringBuilder b = new StringBuilder();
        format.chars().forEach(c -> b.append(c == '#' ? (char) ('0' + random.nextInt(10)) : (char) c));
        return b.toString();
    }
}
