package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** How a long text is cut into windows: every char owned exactly once, context around, headers carried. */
class TextWindowsTest {

    private static List<TextWindows.Window> windows(String text, int size, int overlap) throws IOException {
        TextWindows w = new TextWindows(new StringReader(text), size, overlap);
        List<TextWindows.Window> out = new ArrayList<>();
        for (TextWindows.Window x = w.next(); x != null; x = w.next()) {
            out.add(x);
        }
        return out;
    }

    @Test
    void aTextThatFitsIsOneWindowOwningAllOfIt() throws IOException {
        List<TextWindows.Window> w = windows("山田 太郎\n090-1234-5678\n", 1000, 100);
        assertThat(w).hasSize(1);
        assertThat(w.get(0).text()).isEqualTo("山田 太郎\n090-1234-5678\n");
        assertThat(w.get(0).ownedFrom()).isZero();
        assertThat(w.get(0).ownedTo()).isEqualTo(w.get(0).text().length());
        assertThat(w.get(0).last()).isTrue();
    }

    @Test
    void anEmptyTextIsOneEmptyWindow() throws IOException {
        assertThat(windows("", 1000, 100)).singleElement().satisfies(w -> assertThat(w.text()).isEmpty());
    }

    @RepeatedTest(25)
    void everyCharIsOwnedOnceInOrderWithContextOnBothSides() throws IOException {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        StringBuilder b = new StringBuilder();
        int lines = 200 + random.nextInt(3000);
        for (int i = 0; i < lines; i++) {
            int len = random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(80);
            for (int k = 0; k < len; k++) {
                b.append(random.nextInt(20) == 0 ? "\uD842\uDFB7" : String.valueOf((char) ('あ' + random.nextInt(80))));
            }
            b.append('\n');
        }
        String text = b.toString();
        int overlap = 50 + random.nextInt(500);
        int size = 2 * overlap + 1 + random.nextInt(20_000);
        StringBuilder owned = new StringBuilder();
        for (TextWindows.Window w : windows(text, size, overlap)) {
            String mine = w.text().substring(w.ownedFrom(), w.ownedTo());
            long at = w.offset() + w.ownedFrom();
            assertThat(at).as("seed %d", seed).isEqualTo(owned.length());
            // the window's text is the whole text's, from its context to its end
            assertThat(text.substring((int) (w.offset() + 0), (int) (w.offset() + w.text().length())))
                    .as("seed %d", seed).isEqualTo(w.text());
            if (at > 0) {
                assertThat(w.ownedFrom()).as("context before, seed %d", seed).isGreaterThanOrEqualTo(Math.min(overlap, (int) at));
            }
            if (!w.last()) {
                long rest = text.length() - (w.offset() + w.ownedTo());
                assertThat(w.text().length() - w.ownedTo()).as("context after, seed %d", seed)
                        .isGreaterThanOrEqualTo((int) Math.min(overlap, rest));
            }
            owned.append(mine);
        }
        assertThat(owned.toString()).as("seed %d", seed).isEqualTo(text);
    }

    @Test
    void windowsEndOnLineBreaks() throws IOException {
        String text = "行\n".repeat(20_000);
        for (TextWindows.Window w : windows(text, 5_000, 500)) {
            assertThat(w.ownedFrom() == 0 || w.text().charAt(w.ownedFrom() - 1) == '\n').isTrue();
            assertThat(w.text().charAt(w.ownedTo() - 1)).isEqualTo('\n');
        }
    }

    @Test
    void aLineWithoutBreaksIsCutButNeverInsideASurrogatePair() throws IOException {
        String text = "\uD842\uDFB7".repeat(200_000);
        StringBuilder owned = new StringBuilder();
        for (TextWindows.Window w : windows(text, 10_001, 1_000)) {
            assertThat(Character.isLowSurrogate(w.text().charAt(w.ownedFrom()))).isFalse();
            owned.append(w.text(), w.ownedFrom(), w.ownedTo());
        }
        assertThat(owned.toString()).isEqualTo(text);
    }

    @Test
    void aCarriedHeaderLeadsTheNextWindowAsContext() throws IOException {
        String text = "氏名,電話番号\n" + "山田 太郎,090-1234-5678\n".repeat(2_000);
        TextWindows w = new TextWindows(new StringReader(text), 5_000, 500);
        TextWindows.Window first = w.next();
        w.carryHeader("氏名,電話番号");
        TextWindows.Window second = w.next();
        assertThat(second.text()).startsWith("氏名,電話番号\n山田 太郎,");
        assertThat(second.owns(0)).isFalse();
        // positions still map to the whole text
        assertThat(text.substring((int) (second.offset() + second.ownedFrom()), (int) (second.offset() + second.ownedTo())))
                .isEqualTo(second.text().substring(second.ownedFrom(), second.ownedTo()));
        assertThat(first.offset()).isZero();
    }

    @Test
    void aWindowMustBeWiderThanItsContext() {
        assertThatThrownBy(() -> new TextWindows(new StringReader(""), 100, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
