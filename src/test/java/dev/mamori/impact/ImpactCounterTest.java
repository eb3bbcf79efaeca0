package dev.mamori.impact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.extract.ExtractionLimits;
import dev.mamori.extract.TikaExtractor;
import dev.mamori.testing.BundledRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persons linked through any shared identifying pair, and counts that do not depend on timing. */
class ImpactCounterTest {

    @TempDir
    Path dir;

    private Impact count(List<Path> files) {
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults())) {
            return new ImpactCounter(BundledRules.get(), extractor).count(files, List.of());
        }
    }

    @Test
    void personsWhosePhoneNumbersChangedAreStillTheSamePersons() throws Exception {
        List<Rosters.Person> persons = Rosters.persons(30);
        Path before = Files.writeString(dir.resolve("2025.csv"), Rosters.withBirthDates(persons), StandardCharsets.UTF_8);
        Path after = Files.writeString(dir.resolve("2026.csv"), Rosters.withNewPhones(persons), StandardCharsets.UTF_8);
        Path addresses = Files.writeString(dir.resolve("dm.csv"), Rosters.addressesOnly(persons), StandardCharsets.UTF_8);

        Impact one = count(List.of(before));
        assertThat(one.records()).isEqualTo(30);
        assertThat(one.persons()).isEqualTo(30);
        // shared name + birth date links the two lists; the address list links through the second list's addresses
        Impact all = count(List.of(before, after, addresses));
        assertThat(all.records()).isEqualTo(90);
        assertThat(all.persons()).isEqualTo(30);
        assertThat(all.notCounted()).isEmpty();
        assertThat(all.judgement()).isEqualTo(Impact.Judgement.NOT_MET);
        // the order files come in does not matter
        assertThat(count(List.of(addresses, after, before)).persons()).isEqualTo(30);
        // without the list that carries both birth date and address, the address list stands apart
        assertThat(count(List.of(before, addresses)).persons()).isEqualTo(60);
    }

    @Test
    void aLargeExportCountsTheSameOnEveryRunEvenWhenRunsCompeteForTheCores() throws Exception {
        List<Rosters.Person> persons = Rosters.persons(30);
        // above DetectionEngine's parallel threshold, without a header: names are found by morphological analysis
        String text = Rosters.repeated(persons, 1_000_000);
        long rows = text.lines().count();
        Path file = Files.writeString(dir.resolve("export.csv"), text, StandardCharsets.UTF_8);
        Impact alone = count(List.of(file));
        assertThat(alone.notCounted()).isEmpty();
        assertThat(alone.persons()).isEqualTo(30);
        assertThat(alone.records()).isBetween(rows - 1, rows); // the first row may be read as a header
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // four runs at once on a machine with fewer cores: each rule gets a fraction of a core
            Callable<Impact> run = () -> count(List.of(file));
            for (Future<Impact> f : pool.invokeAll(List.of(run, run, run, run))) {
                assertThat(f.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBankAccountIsAFinancialRiskAndMeetsTheCardsCriterionLikeACardNumber() throws Exception {
        Path transfer = Files.writeString(dir.resolve("furikomi.txt"),
                "振込先：さくらぎ銀行 新宿西口支店 普通 1234567\n口座名義 ヤマダ タロウ\n", StandardCharsets.UTF_8);
        Impact impact = count(List.of(transfer));
        assertThat(impact.cards()).isEqualTo(1);
        assertThat(impact.judgement()).isEqualTo(Impact.Judgement.REQUIRED);
        assertThat(Impact.financial(java.util.Map.of("JAPAN_BANK_ACCOUNT", 1))).isTrue();
        assertThat(Impact.financial(java.util.Map.of("PHONE_NUMBER", 3))).isFalse();
    }

    @Test
    void nothingReadableIsCannotJudgeNeverNotMet() {
        Impact none = count(List.of(dir.resolve("gone.csv")));
        assertThat(none.judgement()).isEqualTo(Impact.Judgement.CANNOT_JUDGE);
        assertThat(none.notCounted()).singleElement().asString().contains("gone.csv");
    }

    @Test
    void linksAreTransitiveAndOrderFree() {
        PersonLinks links = new PersonLinks();
        links.add(List.of("a|P|1", "a|B|x"));
        links.add(List.of("b|P|2"));
        links.add(List.of("a|B|x", "a|A|y"));
        assertThat(links.persons()).isEqualTo(2);
        links.add(List.of("a|A|y", "b|P|2")); // joins the two
        assertThat(links.persons()).isEqualTo(1);
    }
}
