package dev.mamori.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A verified rule bundle: its version, when it was made, and its packs (file name → YAML bytes).
 * Only {@link #verify} makes one, and only when the manifest's signature checks out against the
 * organisation's public key and every pack matches its hash in the manifest; anything else in the
 * archive, or anything missing, refuses the whole bundle.
 *
 * <p>Layout (a zip): {@code manifest.json} ({@code format}, {@code version}, {@code created}, {@code
 * packs}: name → SHA-256), {@code manifest.sig} (Base64 Ed25519 signature of the manifest's bytes),
 * {@code packs/NAME.yaml}.
 */
public record RuleBundle(String version, Instant created, Map<String, byte[]> packs, byte[] manifest, byte[] signature) {

    static final String FORMAT = "mamori-rule-bundle/1";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String PACKS = "packs/";
    /** A pack's file name: no folders, no dots in front, YAML. */
    static final String PACK_NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}\\.ya?ml";
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final int MAX_ENTRIES = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RuleBundle {
        packs = java.util.Collections.unmodifiableMap(new TreeMap<>(packs));
    }

    /**
     * Reads and verifies a bundle.
     *
     * @param source where it came from, for messages
     * @throws BundleException saying what is wrong (bad signature, a pack that does not match, a
     *                         name that is not allowed, too large) — the bundle is then not used at all
     */
    public static RuleBundle verify(byte[] archive, PublicKey key, String source) throws BundleException {
        if (archive.length > MAX_BYTES) {
            throw new BundleException(source + ": larger than " + MAX_BYTES + " bytes");
        }
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new BundleException(source + ": more than " + MAX_ENTRIES + " files");
                }
                byte[] bytes = zip.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES || entries.put(e.getName(), bytes) != null) {
                    throw new BundleException(source + ": " + (bytes.length > MAX_BYTES ? "oversized" : "duplicate")
                            + " entry " + printable(e.getName()));
                }
            }
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(source + ": not a readable bundle (" + e.getMessage() + ")");
        }
        return verify(entries, key, source);
    }

    /** Verifies a bundle installed in {@code folder} by {@link BundleUpdater}: trusted no more than a download. */
    public static RuleBundle verifyInstalled(java.nio.file.Path folder, PublicKey key) throws BundleException {
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            entries.put(MANIFEST, java.nio.file.Files.readAllBytes(folder.resolve(MANIFEST)));
            entries.put(SIGNATURE, java.nio.file.Files.readAllBytes(folder.resolve(SIGNATURE)));
            try (var files = java.nio.file.Files.list(folder.resolve(PACKS))) {
                for (java.nio.file.Path p : files.sorted().toList()) {
                    entries.put(PACKS + p.getFileName(), java.nio.file.Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new BundleException(folder + ": installed bundle unreadable (" + e.getMessage() + ")");
        }
        return verify(entries, key, folder.toString());
    }

    /** Writes the bundle as {@link #verifyInstalled} reads it. */
    void writeTo(java.nio.file.Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder.resolve(PACKS));
        java.nio.file.Files.write(folder.resolve(MANIFEST), manifest);
        java.nio.file.Files.write(folder.resolve(SIGNATURE), signature);
        for (var e : packs.entrySet()) {
            java.nio.file.Files.write(folder.resolve(PACKS).resolve(e.getKey()), e.getValue());
        }
    }

    private static RuleBundle verify(Map<String, byte[]> entries, PublicKey key, String source) throws BundleException {
        entries = new TreeMap<>(entries);
        byte[] manifest = entries.remove(MANIFEST);
        byte[] signature = entries.remove(SIGNATURE);
        if (manifest == null || signature == null) {
            throw new BundleException(source + ": no " + (manifest == null ? MANIFEST : SIGNATURE));
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(new String(signature, StandardCharsets.US_ASCII).strip());
            Signature verifier = Signature.getInstance(BundleKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(manifest);
            if (!verifier.verify(sig)) {
                throw new BundleException(source + ": the signature does not match the organisation's key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BundleException(source + ": the signature cannot be checked (" + e.getMessage() + ")");
        }
        // signed: the manifest can be read now
        JsonNode m;
        try {
            m = JSON.readTree(manifest);
        } catch (IOException e) {
            throw new BundleException(source + ": signed manifest is not JSON");
        }
        if (!FORMAT.equals(m.path("format").asText())) {
            throw new BundleException(source + ": unknown format '" + m.path("format").asText() + "'");
        }
        String version = m.path("version").asText();
        if (!BundleVersion.valid(version)) {
            throw new BundleException(source + ": bad version '" + printable(version) + "'");
        }
        Instant created;
        try {
            created = Instant.parse(m.path("created").asText());
        } catch (RuntimeException e) {
            throw new BundleException(source + ": bad 'created' time");
        }
        Map<String, byte[]> packs = new TreeMap<>();
        var hashes = m.path("packs").fields();
        while (hashes.hasNext()) {
            var h = hashes.next();
            if (!h.getKey().matches(PACK_NAME)) {
                throw new BundleException(source + ": pack name not allowed: " + printable(h.getKey()));
            }
            byte[] pack = entries.remove(PACKS + h.getKey());
            if (pack == null) {
                throw new BundleException(source + ": pack " + h.getKey() + " is in the manifest but not in the bundle");
            }
            if (!sha256(pack).equals(h.getValue().asText())) {
                throw new BundleException(source + ": pack " + h.getKey() + " does not match its hash in the signed manifest");
            }
            packs.put(h.getKey(), pack);
        }
        if (!entries.isEmpty()) {
            throw new BundleException(source + ": files not in the signed manifest: "
                    + printable(String.join(", ", entries.keySet())));
        }
        if (packs.isEmpty()) {
            throw new BundleException(source + ": no packs");
        }
        return new RuleBundle(version, created, packs, manifest, signature);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names from an untrusted archive, safe for a log line or a terminal. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
