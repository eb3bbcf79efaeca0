package dev.mamori.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle is trusted only whole: the signed manifest, and every pack matching it. */
class RuleBundleTest {

    static final String PACK = """
            pack: acme
            version: 2026.12
            rules:
              - id: acme-emp-id
                type: EMPLOYEE_ID
                patterns: ['(?<![\\w-])EMP-\\d{6}(?![\\w-])']
                confidence: medium
                prefilter: ['emp-']
                samples:
                  positive: ['EMP-123456 の申請']
                  negative: ['EMP-12345']
            """;

    @TempDir
    Path dir;

    final KeyPair org = BundleKeys.generate();
    final Instant made = Instant.parse("2026-12-01T00:00:00Z");

    byte[] bundle(String version, String pack) throws Exception {
        Path p = dir.resolve("acme.yaml");
        Files.writeString(p, pack);
        return BundleWriter.sign(List.of(p), version, made, org.getPrivate());
    }

    @Test
    void aSignedBundleVerifiesWithTheOrganisationsKeyAndOnlyWithIt() throws Exception {
        byte[] b = bundle("2026.12.1", PACK);
        RuleBundle ok = RuleBundle.verify(b, org.getPublic(), "b.zip");
        assertThat(ok.version()).isEqualTo("2026.12.1");
        assertThat(ok.created()).isEqualTo(made);
        assertThat(new String(ok.packs().get("acme.yaml"), StandardCharsets.UTF_8)).isEqualTo(PACK);
        assertThat(BundleWriter.sign(List.of(dir.resolve("acme.yaml")), "2026.12.1", made, org.getPrivate()))
                .as("same packs, version and time: same bytes").isEqualTo(b);

        assertThatThrownBy(() -> RuleBundle.verify(b, BundleKeys.generate().getPublic(), "b.zip"))
                .isInstanceOf(BundleException.class).hasMessageContaining("signature does not match");
    }

    @Test
    void aChangedPackAChangedManifestOrAnAddedFileRefusesTheWholeBundle() throws Exception {
        byte[] b = bundle("2026.12.1", PACK);
        byte[] changedPack = rewrite(b, "packs/acme.yaml", PACK.replace("medium", "low").getBytes(StandardCharsets.UTF_8), null);
        assertThatThrownBy(() -> RuleBundle.verify(changedPack, org.getPublic(), "b.zip"))
                .hasMessageContaining("pack acme.yaml does not match its hash in the signed manifest");
        byte[] changedManifest = rewrite(b, "manifest.json", null, m -> m.replace("2026.12.1", "2099.1.1"));
        assertThatThrownBy(() -> RuleBundle.verify(changedManifest, org.getPublic(), "b.zip"))
                .hasMessageContaining("signature does not match");
        byte[] added = rewrite(b, "packs/evil.yaml", "pack: evil\n".getBytes(StandardCharsets.UTF_8), null);
        assertThatThrownBy(() -> RuleBundle.verify(added, org.getPublic(), "b.zip"))
                .hasMessageContaining("files not in the signed manifest: packs/evil.yaml");
        assertThatThrownBy(() -> RuleBundle.verify("not a zip".getBytes(StandardCharsets.UTF_8), org.getPublic(), "b.zip"))
                .hasMessageContaining("b.zip: no manifest.json");
    }

    @Test
    void versionsCompareByTheirNumbersAndABadVersionIsRefusedAtSigning() throws Exception {
        assertThat(BundleVersion.compare("2026.12.10", "2026.12.9")).isPositive();
        assertThat(BundleVersion.compare("2026.12", "2026.12.1")).isNegative();
        assertThat(BundleVersion.compare("2026.12.1", "2026.12.1")).isZero();
        assertThatThrownBy(() -> bundle("../1", PACK)).hasMessageContaining("bad version '../1'");
    }

    @Test
    void keysRoundTripThroughPemAndTheirFilesAreNamedWhenWrong() throws Exception {
        Path priv = dir.resolve("org.key");
        Path pub = dir.resolve("org.key.pub");
        BundleKeys.write(org, priv, pub);
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(BundleKeys.readPublic(pub)).isEqualTo(org.getPublic());
        byte[] b = BundleWriter.sign(List.of(writePack()), "1", made, BundleKeys.readPrivate(priv));
        assertThat(RuleBundle.verify(b, org.getPublic(), "b").version()).isEqualTo("1");
        assertThatThrownBy(() -> BundleKeys.readPublic(priv)).hasMessageContaining(priv + ": no '-----BEGIN PUBLIC KEY-----'");
    }

    private Path writePack() throws Exception {
        return Files.writeString(dir.resolve("acme.yaml"), PACK);
    }

    /** The archive with one entry replaced (or added) by bytes, or its text edited. */
    static byte[] rewrite(byte[] zip, String name, byte[] bytes, java.util.function.UnaryOperator<String> edit) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean seen = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    seen = true;
                    content = bytes != null ? bytes : edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(content);
                z.closeEntry();
            }
            if (!seen) {
                z.putNextEntry(new ZipEntry(name));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
