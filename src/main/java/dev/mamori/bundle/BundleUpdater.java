package dev.mamori.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.commons.io.file.PathUtils;

/**
 * Fetches the organisation's signed rule bundle over HTTPS and installs it when it is newer than the
 * installed one. Installed bundles live in {@code dir/VERSION/}; {@code dir/current} names the one in
 * force, and the one before it is kept as the last good one. Nothing is installed unless its
 * signature and hashes check out, its version is higher than the installed one (no rollback), and
 * {@link Validator} accepts its packs (they load together with the other packs). Not thread-safe:
 * one updater per agent, called from one thread.
 */
public final class BundleUpdater {

    /** Loads the packs of a bundle with everything else the agent runs; throws with the packs' own messages. */
    @FunctionalInterface
    public interface Validator {
        void check(Path packs) throws Exception;
    }

    /** What one check ended in. */
    public enum Kind {
        /** The source serves the installed version. */
        UNCHANGED,
        /** A newer bundle was verified and installed. */
        INSTALLED,
        /** The source serves a bundle that must not be used: tampered, wrong key, older, or packs that do not load. */
        REFUSED,
        /** The source could not be reached or answered with an error: nothing changes, try again later. */
        UNREACHABLE
    }

    public record Result(Kind kind, String version, String problem) {
    }

    private static final String CURRENT = "current";

    private final URI source;
    /** The source for messages: without query or user info, which may carry a token. */
    private final String label;
    private final PublicKey key;
    private final Path dir;
    private final HttpClient http;
    private final Duration timeout;
    private final Validator validator;

    /**
     * @param ssl the trust for the source (null: the JDK's default trust store)
     * @throws BundleException when {@code source} is not an https URL
     */
    public BundleUpdater(URI source, PublicKey key, Path dir, SSLContext ssl, Duration timeout, Validator validator)
            throws BundleException {
        if (!"https".equalsIgnoreCase(source.getScheme())) {
            throw new BundleException("rule bundles are fetched over https only, not '" + source.getScheme() + "'");
        }
        this.source = source;
        this.label = safe(source);
        this.key = key;
        this.dir = dir;
        this.timeout = timeout;
        this.validator = validator;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
    }

    /** TLS that trusts only the CA certificates in {@code caPem} (a private CA for the bundle server). */
    public static SSLContext trusting(Path caPem) throws IOException {
        try {
            return dev.mamori.platform.TrustedCa.trusting(caPem);
        } catch (IOException e) {
            throw new BundleException(e.getMessage());
        }
    }

    /** A URL without its query, fragment or user info: what logs and alerts may show. */
    public static String safe(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /**
     * The bundle in force, verified again from disk (the data folder is the agent's, but a bundle is
     * trusted no more on disk than on the wire); empty when none is installed.
     *
     * @throws BundleException when the installed bundle no longer verifies
     */
    public static Optional<RuleBundle> installed(Path dir, PublicKey key) throws BundleException {
        Optional<String> version = currentVersion(dir);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RuleBundle.verifyInstalled(dir.resolve(version.get()), key));
    }

    /** The packs folder of the bundle in force, if one is installed. */
    public static Optional<Path> installedPacks(Path dir) {
        return currentVersion(dir).map(v -> dir.resolve(v).resolve(RuleBundle.PACKS));
    }

    private static Optional<String> currentVersion(Path dir) {
        try {
            String v = Files.readString(dir.resolve(CURRENT), StandardCharsets.US_ASCII).strip();
            return BundleVersion.valid(v) && Files.isDirectory(dir.resolve(v)) ? Optional.of(v) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Fetches, verifies and (when newer and valid) installs. Never throws: every end is a {@link Result}. */
    public Result check() {
        byte[] archive;
        try {
            archive = fetch();
        } catch (IOException e) {
            return new Result(Kind.UNREACHABLE, null, label + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Kind.UNREACHABLE, null, label + ": interrupted");
        }
        RuleBundle bundle;
        try {
            bundle = RuleBundle.verify(archive, key, label);
        } catch (BundleException e) {
            return new Result(Kind.REFUSED, null, e.getMessage());
        }
        Optional<String> current = currentVersion(dir);
        if (current.isPresent()) {
            int c = BundleVersion.compare(bundle.version(), current.get());
            if (c == 0) {
                return new Result(Kind.UNCHANGED, bundle.version(), null);
            }
            if (c < 0) {
                return new Result(Kind.REFUSED, bundle.version(), label + ": version " + bundle.version()
                        + " is older than the installed " + current.get() + " (rollback refused)");
            }
        }
        try {
            install(bundle);
        } catch (Exception e) {
            return new Result(Kind.REFUSED, bundle.version(), label + ": version " + bundle.version()
                    + " not installed, its packs do not load: " + e.getMessage());
        }
        return new Result(Kind.INSTALLED, bundle.version(), null);
    }

    private byte[] fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(source).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(RuleBundle.MAX_BYTES + 1);
            if (bytes.length > RuleBundle.MAX_BYTES) {
                throw new BundleException("larger than " + RuleBundle.MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private void install(RuleBundle bundle) throws Exception {
        Files.createDirectories(dir);
        Path staging = dir.resolve(".staging-" + bundle.version());
        if (Files.exists(staging)) {
            PathUtils.deleteDirectory(staging);
        }
        bundle.writeTo(staging);
        try {
            validator.check(staging.resolve(RuleBundle.PACKS));
        } catch (Exception e) {
            PathUtils.deleteDirectory(staging);
            throw e;
        }
        Path target = dir.resolve(bundle.version());
        if (Files.exists(target)) {
            PathUtils.deleteDirectory(target);
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        String previous = currentVersion(dir).orElse(null);
        Path tmp = dir.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, bundle.version() + "\n", StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true); // the pointer is durable before it replaces the old one
        }
        Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // keep the one in force and the last good one before it
        try (var versions = Files.list(dir)) {
            for (Path old : versions.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().equals(bundle.version()))
                    .filter(p -> !p.getFileName().toString().equals(previous))
                    .sorted(Comparator.reverseOrder()).toList()) {
                PathUtils.deleteDirectory(old);
            }
        }
    }
}
