package dev.mamori.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.Confidence;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How findings become personal records, pinned on hand-placed findings so that only the counting
 * is under test: a table row, a name with a companion nearby in prose, the same person twice.
 */
class RecordCounterTest {

    private static final RecordCounter COUNTER = new RecordCounter(RecordSettings.defaults());

    /** A finding of {@code type} on the first occurrence of {@code value} at or after {@code from}. */
    private static Finding at(String text, String type, String value, int from) {
        int start = text.indexOf(value, from);
        assertThat(start).as(value).isNotNegative();
        return new Finding(type, "r", start, start + value.length(), Confidence.HIGH, value, "*", List.of());
    }

    private static int count(String text, List<Finding> findings) {
        return COUNTER.count(ScanText.of(text), findings);
    }

    @Test
    void eachTableRowWithANameAndACompanionIsOneRecord() {
        String text = "氏名,電話番号\n山田 太郎,090-1111-2222\n鈴木 花子,090-3333-4444\n佐藤 次郎,\n";
        List<Finding> f = List.of(
                at(text, "PERSON_NAME", "山田 太郎", 0), at(text, "PHONE_NUMBER", "090-1111-2222", 0),
                at(text, "PERSON_NAME", "鈴木 花子", 0), at(text, "PHONE_NUMBER", "090-3333-4444", 0),
                at(text, "PERSON_NAME", "佐藤 次郎", 0)); // no companion in its row
        assertThat(count(text, f)).isEqualTo(2);
    }

    @Test
    void inProseANameNeedsACompanionWithinTheWindow() {
        String near = "担当は山田 太郎です。連絡先は 090-1111-2222 です。";
        assertThat(count(near, List.of(at(near, "PERSON_NAME", "山田 太郎", 0), at(near, "PHONE_NUMBER", "090-1111-2222", 0))))
                .isEqualTo(1);
        String far = "担当は山田 太郎です。" + "。".repeat(RecordSettings.defaults().window() + 10) + "090-1111-2222";
        assertThat(count(far, List.of(at(far, "PERSON_NAME", "山田 太郎", 0), at(far, "PHONE_NUMBER", "090-1111-2222", 0))))
                .isZero();
    }

    @Test
    void aNameRepeatedOrFollowedByItsReadingIsOnePerson() {
        String text = "山田 太郎（ヤマダ タロウ） 090-1111-2222。後日、山田 太郎から折り返し。";
        List<Finding> f = new ArrayList<>(List.of(at(text, "PERSON_NAME", "山田 太郎", 0),
                at(text, "PERSON_NAME", "ヤマダ タロウ", 0), at(text, "PHONE_NUMBER", "090-1111-2222", 0)));
        f.add(at(text, "PERSON_NAME", "山田 太郎", text.indexOf("後日")));
        f.sort(java.util.Comparator.comparingInt(Finding::start));
        assertThat(count(text, f)).isEqualTo(1);
    }

    @Test
    void findingsBelowTheMinimumConfidenceDoNotCount() {
        RecordCounter strict = new RecordCounter(new RecordSettings("PERSON_NAME",
                java.util.Set.of("PHONE_NUMBER"), 200, Confidence.HIGH));
        String text = "山田 太郎 090-1111-2222";
        Finding weakName = new Finding("PERSON_NAME", "r", 0, 5, Confidence.MEDIUM, "山田 太郎", "*", List.of());
        assertThat(strict.count(ScanText.of(text), List.of(weakName, at(text, "PHONE_NUMBER", "090-1111-2222", 0)))).isZero();
    }

    @Test
    void aTallyOverWindowsCountsTheRecordsTheirNamesOwn() {
        String text = "氏名,電話番号\n山田 太郎,090-1111-2222\n鈴木 花子,090-3333-4444\n";
        List<Finding> f = List.of(
                at(text, "PERSON_NAME", "山田 太郎", 0), at(text, "PHONE_NUMBER", "090-1111-2222", 0),
                at(text, "PERSON_NAME", "鈴木 花子", 0), at(text, "PHONE_NUMBER", "090-3333-4444", 0));
        int second = text.indexOf("鈴木");
        RecordCounter.Tally first = COUNTER.tally();
        first.add(ScanText.of(text), f, 0, second, 0); // owns the first row only
        assertThat(first.records()).isEqualTo(1);
        RecordCounter.Tally both = COUNTER.tally();
        both.add(ScanText.of(text), f, 0, second, 0);
        both.add(ScanText.of(text), f, second, text.length(), 0);
        assertThat(both.records()).isEqualTo(2);
    }
}
