package dev.mamori.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            newline splits no line          | "a\\nb.txt"                  | "a\\\\nb.txt"
            ESC sequence stays inert        | "x\\u001b[31mred.csv"        | "x\\\\u001b[31mred.csv"
            carriage return and tab         | "a\\rb\\tc"                  | "a\\\\rb\\\\tc"
            DEL and C1 (CSI)                | "a\\u007fb\\u009bc"          | "a\\\\u007fb\\\\u009bc"
            right-to-left override          | "invoice\\u202etxt.exe"      | "invoice\\\\u202etxt.exe"
            isolates and marks              | "\\u2066\\u2069\\u200f"       | "\\\\u2066\\\\u2069\\\\u200f"
            Japanese and Windows paths kept | "C:\\\\顧客\\\\リスト.xlsx"   | "C:\\\\顧客\\\\リスト.xlsx"
            """)
    void escapes(String why, String raw, String shown) {
        assertThat(SafeText.of(unescape(raw))).isEqualTo(unescape(shown));
    }

    @Test
    void noControlCharacterSurvivesAnyString() {
        Random random = new Random(9);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                s.append((char) (random.nextBoolean() ? random.nextInt(0x300) : 0x2000 + random.nextInt(0x80)));
            }
            String out = SafeText.of(s);
            assertThat(out.chars().noneMatch(c -> SafeText.unsafe((char) c))).as("%s", out).isTrue();
            assertThat(out.lines().count()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void htmlIsEscapedAfterTheControlCharacters() {
        assertThat(SafeText.html("<b>\n\"&'")).isEqualTo("&lt;b&gt;\\n&quot;&amp;&#39;");
        assertThat(SafeText.html(null)).isEmpty();
    }

    @Test
    void formatEscapesTextArgumentsOnly() {
        assertThat(SafeText.format("%s %d%n", "a\nb", 5)).isEqualTo("a\\nb 5" + System.lineSeparator());
    }

    /** The table's cells use Java escapes; the JUnit CSV source keeps them literal. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }
}
