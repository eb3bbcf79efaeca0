package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori rules check|test|explain}: what an admin sees before deploying a rule. */
class RulesCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkPassesTheBundledPacksAndNamesFailingSamplesAndSlowRules() throws Exception {
        assertThat(ScanCommandTest.mamori("rules", "check").exit()).isZero();

        Path pack = dir.resolve("company.yaml");
        Files.writeString(pack, """
                pack: company
                rules:
                  - id: order-no
                    type: ORDER_NUMBER
                    patterns: ['ORD-\\d{4}']
                    samples: {positive: ['ORD-12'], negative: ['ORD-1234']}
                  - id: tel-code
                    type: TEL_CODE
                    patterns: ['0\\d-\\d{4}-\\d{4}']
                    samples: {positive: ['TEL 03-1234-5678'], negative: ['03-1234']}
                  - id: sluggish
                    type: SLUGGISH
                    patterns: ['(?=[\\s\\S]{0,300}QQQ)\\w']
                    samples: {positive: ['aQQQ'], negative: ['a b']}
                """);
        ScanCommandTest.Run run = ScanCommandTest.mamori("rules", "check", pack.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("company.yaml:6:1: rule 'order-no' misses its positive sample 'ORD-12'")
                .contains("company.yaml:6:1: rule 'order-no' fires on its negative sample 'ORD-1234'")
                .contains("warning: rule 'sluggish' is slow")
                .contains("warning: rule 'tel-code' (TEL_CODE) and rule 'jp-phone' (PHONE_NUMBER) both match the same part")
                .contains("2 problem(s)");
    }

    @Test
    void testExplainsEachFindingWithMaskedValues() {
        ScanCommandTest.Run run = ScanCommandTest.mamori("rules", "test", "--reveal", "--text",
                "担当：山田 太郎 TEL 03-1234-5678 個人番号 1234 5678 9018");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("severity high", "JAPAN_INDIVIDUAL_NUMBER", "**** **** 9018", "03-****-5678",
                "why: pattern matched: low; validator my-number: My Number check digit ok; context '個人番号'");
        assertThat(run.out()).doesNotContain("1234 5678 9018", "03-1234-5678"); // --reveal needs a terminal
        assertThat(run.err()).contains("--reveal works on a terminal only");
    }

    @Test
    void evalScoresALabelledFolderAndDiffsAgainstABaseline() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        Files.writeString(samples.resolve("a.txt"), "担当：山田 太郎\nTEL 03-1234-5678\n");
        Files.writeString(samples.resolve("b.txt"), "部品番号 03-1111-2222\n");
        Path labels = samples.resolve("labels.json");
        Files.writeString(labels, """
                {"files": {"a.txt": {"PERSON_NAME": ["山田 太郎"], "PHONE_NUMBER": ["03-1234-5678"]}, "b.txt": {}}}
                """);
        Path noPhone = dir.resolve("no-phone.yaml");
        Files.writeString(noPhone, "pack: no-phone\nexclusions:\n  disable-rules: [jp-phone]\n");
        ScanCommandTest.Run run = ScanCommandTest.mamori("rules", "eval", "--labels", labels.toString(), samples.toString(),
                "--baseline", "rules", "--baseline", noPhone.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("PHONE_NUMBER +1 +1 +1.000 +1.000")
                .contains("against the baseline:", "PHONE_NUMBER               precision 1.000 -> 1.000   recall 0.000 -> 1.000",
                        "now found : a.txt: 03****5678")
                .doesNotContain("03-1234-5678");
    }

    @Test
    void explainListsTheRulesOfAType() {
        ScanCommandTest.Run run = ScanCommandTest.mamori("rules", "explain", "JAPAN_INDIVIDUAL_NUMBER");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("rule my-number (regex)", "validator: my-number", "; required", "knobs:");
        assertThat(ScanCommandTest.mamori("rules", "explain", "NO_SUCH_TYPE").out()).contains("no rule detects NO_SUCH_TYPE");
    }

    @Test
    void anAdminMakesAKeySignsCheckedPacksAndVerifiesTheBundleAsAnAgentWould() throws Exception {
        Path key = dir.resolve("org.key");
        assertThat(ScanCommandTest.mamori("rules", "keygen", "--out", key.toString()).exit()).isZero();
        assertThat(ScanCommandTest.mamori("rules", "keygen", "--out", key.toString()).err()).contains("exists; not overwritten");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        Path packs = Files.createDirectories(dir.resolve("packs"));
        Files.writeString(packs.resolve("acme.yaml"), """
                pack: acme
                version: 2026.12
                rules:
                  - id: order-no
                    type: ORDER_NUMBER
                    patterns: ['ORD-\\d{4}']
                    samples: {positive: ['ORD-1234'], negative: ['ORD-12']}
                """);
        Path bundle = dir.resolve("acme-2026.12.1.zip");
        ScanCommandTest.Run sign = ScanCommandTest.mamori("rules", "sign", "--key", key.toString(), "--version", "2026.12.1",
                "-o", bundle.toString(), packs.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("bundle 2026.12.1 written to " + bundle);
        ScanCommandTest.Run verify = ScanCommandTest.mamori("rules", "verify-bundle", "--key", key + ".pub", bundle.toString());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).startsWith("OK: bundle 2026.12.1 of ").contains("packs acme.yaml");

        Path other = dir.resolve("someone-else.key");
        assertThat(ScanCommandTest.mamori("rules", "keygen", "--out", other.toString()).exit()).isZero();
        Path forged = dir.resolve("forged.zip");
        assertThat(ScanCommandTest.mamori("rules", "sign", "--key", other.toString(), "--version", "2026.12.9",
                "-o", forged.toString(), packs.toString()).exit()).isZero();
        ScanCommandTest.Run broken = ScanCommandTest.mamori("rules", "verify-bundle", "--key", key + ".pub", forged.toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).startsWith("REFUSED: ").contains("signature does not match");

        Files.writeString(packs.resolve("acme.yaml"), Files.readString(packs.resolve("acme.yaml")).replace("ORD-1234", "ORD-1"));
        ScanCommandTest.Run failing = ScanCommandTest.mamori("rules", "sign", "--key", key.toString(), "--version", "2026.12.2",
                "-o", dir.resolve("b2.zip").toString(), packs.toString());
        assertThat(failing.exit()).as("packs whose samples fail are not signed").isEqualTo(2);
        assertThat(failing.err()).contains("misses its positive sample 'ORD-1'", "no bundle written");
        assertThat(dir.resolve("b2.zip")).doesNotExist();
    }
}
