package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.testing.RealisticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori impact}: persons counted once across files, and APPI's report criteria. */
class ImpactCommandTest {

    @TempDir
    Path root;

    @Test
    void theSamePersonsInSeveralFilesAreCountedOnce() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(root.resolve("corpus"));
        Path stick = Files.createDirectories(root.resolve("lost-stick"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), stick.resolve("a.csv"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), stick.resolve("copy of a.csv"));
        Files.copy(corpus.root().resolve("履歴書_高橋さくら.docx"), stick.resolve("resume.docx"));
        ScanCommandTest.Run run = ScanCommandTest.mamori("impact", stick.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("files: 3", "personal records: 51", "distinct persons: 26",
                "criteria not met");

        Files.copy(corpus.root().resolve("会員名簿.xlsx"), stick.resolve("members.xlsx"));
        ScanCommandTest.Run big = ScanCommandTest.mamori("impact", stick.toString());
        assertThat(big.exit()).isEqualTo(1);
        assertThat(big.out()).contains("distinct persons: 1076", "REQUIRED: more than 1,000 persons");
        for (String raw : corpus.planted()) {
            assertThat(big.out()).doesNotContain(raw);
        }
    }

    @Test
    void severalPathsAreAcceptedAndWhatIsMissingMakesItCannotJudge() throws Exception {
        RealisticCorpus corpus = RealisticCorpus.writeTo(root.resolve("corpus"));
        Path a = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), root.resolve("a.csv"));
        Path b = Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), root.resolve("b.csv"));
        Path c = Files.copy(corpus.root().resolve("履歴書_高橋さくら.docx"), root.resolve("c.docx"));
        ScanCommandTest.Run three = ScanCommandTest.mamori("impact", "--isolation", "in_process", a.toString(),
                b.toString(), c.toString());
        assertThat(three.exit()).as(three.err()).isZero();
        assertThat(three.out()).contains("files: 3", "distinct persons: 26", "criteria not met");

        ScanCommandTest.Run gone = ScanCommandTest.mamori("impact", "--isolation", "in_process", a.toString(),
                root.resolve("gone.csv").toString());
        assertThat(gone.exit()).isEqualTo(ExitCodes.CANNOT_JUDGE);
        assertThat(gone.out()).contains("gone.csv (not there)", "cannot judge").doesNotContain("criteria not met");

        Path zip = dev.mamori.testing.Documents.encryptedZip(root.resolve("locked.zip"),
                java.util.Map.of("list.csv", Files.readAllBytes(a)), "secret");
        ScanCommandTest.Run locked = ScanCommandTest.mamori("impact", zip.toString());
        assertThat(locked.exit()).as(locked.out() + locked.err()).isEqualTo(ExitCodes.CANNOT_JUDGE);
        assertThat(locked.out()).contains("nothing could be counted", "encrypted");
    }
}
