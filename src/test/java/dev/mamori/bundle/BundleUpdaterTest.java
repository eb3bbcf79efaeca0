package dev.mamori.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.testing.TlsServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles fetched from a real HTTPS server: only newer, verified, loadable bundles are installed. */
class BundleUpdaterTest {

    @TempDir
    Path dir;

    final KeyPair org = BundleKeys.generate();
    TlsServer server;
    Path installed;

    @BeforeEach
    void serve() throws Exception {
        server = new TlsServer(Files.createDirectories(dir.resolve("tls")));
        installed = dir.resolve("data/rules-bundle");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    byte[] bundle(String version, String pack) throws Exception {
        Path p = Files.writeString(Files.createDirectories(dir.resolve("src-" + version)).resolve("acme.yaml"), pack);
        return BundleWriter.sign(List.of(p), version, Instant.parse("2026-12-01T00:00:00Z"), org.getPrivate());
    }

    BundleUpdater updater(BundleUpdater.Validator validator) throws Exception {
        SSLContext trust = BundleUpdater.trusting(server.caPem());
        return new BundleUpdater(URI.create(server.url("/acme/bundle.zip")), org.getPublic(), installed, trust,
                Duration.ofSeconds(10), validator);
    }

    @Test
    void newerBundlesAreInstalledOlderOnesRefusedAndTheLastGoodOneKept() throws Exception {
        BundleUpdater updater = updater(packs -> { });
        assertThat(updater.check().kind()).as("nothing served yet").isEqualTo(BundleUpdater.Kind.UNREACHABLE);

        server.serve("/acme/bundle.zip", bundle("2026.12.1", RuleBundleTest.PACK));
        assertThat(updater.check()).extracting(BundleUpdater.Result::kind, BundleUpdater.Result::version)
                .containsExactly(BundleUpdater.Kind.INSTALLED, "2026.12.1");
        assertThat(BundleUpdater.installed(installed, org.getPublic()).orElseThrow().version()).isEqualTo("2026.12.1");
        assertThat(updater.check().kind()).isEqualTo(BundleUpdater.Kind.UNCHANGED);

        server.serve("/acme/bundle.zip", bundle("2026.11.9", RuleBundleTest.PACK));
        BundleUpdater.Result rollback = updater.check();
        assertThat(rollback.kind()).isEqualTo(BundleUpdater.Kind.REFUSED);
        assertThat(rollback.problem()).contains("2026.11.9 is older than the installed 2026.12.1 (rollback refused)");

        byte[] tampered = RuleBundleTest.rewrite(bundle("2026.12.2", RuleBundleTest.PACK), "packs/acme.yaml",
                RuleBundleTest.PACK.replace("EMP-", "XXX-").getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        server.serve("/acme/bundle.zip", tampered);
        assertThat(updater.check().problem()).contains("does not match its hash");

        server.serve("/acme/bundle.zip", bundle("2026.12.3", RuleBundleTest.PACK));
        assertThat(updater.check().kind()).isEqualTo(BundleUpdater.Kind.INSTALLED);
        server.serve("/acme/bundle.zip", bundle("2026.12.4", RuleBundleTest.PACK));
        assertThat(updater.check().kind()).isEqualTo(BundleUpdater.Kind.INSTALLED);
        try (var kept = Files.list(installed)) {
            assertThat(kept.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList())
                    .as("the bundle in force and the last good one").containsExactly("2026.12.3", "2026.12.4");
        }
        assertThat(BundleUpdater.installed(installed, org.getPublic()).orElseThrow().version()).isEqualTo("2026.12.4");
    }

    @Test
    void aBundleWhosePacksDoNotLoadIsNotInstalledAndTheOneInForceStays() throws Exception {
        server.serve("/acme/bundle.zip", bundle("1", RuleBundleTest.PACK));
        assertThat(updater(packs -> { }).check().kind()).isEqualTo(BundleUpdater.Kind.INSTALLED);
        server.serve("/acme/bundle.zip", bundle("2", "pack: acme\nrules: [{id: x, patern: y}]\n"));
        BundleUpdater.Result r = updater(packs -> {
            if (Files.readString(packs.resolve("acme.yaml")).contains("patern")) {
                throw new IllegalArgumentException("acme.yaml:2:20: unknown key 'patern' (did you mean 'patterns'?)");
            }
        }).check();
        assertThat(r.kind()).isEqualTo(BundleUpdater.Kind.REFUSED);
        assertThat(r.problem()).contains("version 2 not installed, its packs do not load: acme.yaml:2:20: unknown key 'patern'");
        assertThat(BundleUpdater.installed(installed, org.getPublic()).orElseThrow().version()).isEqualTo("1");
    }

    @Test
    void anInstalledBundleChangedOnDiskIsNoLongerTrusted() throws Exception {
        server.serve("/acme/bundle.zip", bundle("1", RuleBundleTest.PACK));
        updater(packs -> { }).check();
        Path pack = BundleUpdater.installedPacks(installed).orElseThrow().resolve("acme.yaml");
        Files.writeString(pack, RuleBundleTest.PACK.replace("medium", "low"));
        assertThatThrownBy(() -> BundleUpdater.installed(installed, org.getPublic()))
                .hasMessageContaining("pack acme.yaml does not match its hash");
    }

    @Test
    void onlyHttpsIsFetchedAndAServerTheTrustDoesNotCoverIsUnreachable() throws Exception {
        assertThatThrownBy(() -> new BundleUpdater(URI.create("http://127.0.0.1/b.zip"), org.getPublic(), installed, null,
                Duration.ofSeconds(1), packs -> { })).hasMessageContaining("https only");
        server.serve("/acme/bundle.zip", bundle("1", RuleBundleTest.PACK));
        BundleUpdater defaultTrust = new BundleUpdater(URI.create(server.url("/acme/bundle.zip")), org.getPublic(), installed,
                null, Duration.ofSeconds(10), packs -> { });
        BundleUpdater.Result r = defaultTrust.check();
        assertThat(r.kind()).as("a self-signed server is not in the JDK's trust store").isEqualTo(BundleUpdater.Kind.UNREACHABLE);
        assertThat(BundleUpdater.installedPacks(installed)).isEmpty();
    }
}
