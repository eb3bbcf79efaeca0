package dev.mamori.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Makes a signed bundle from pack files (the admin's side of {@link RuleBundle}). */
public final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * @param packs YAML pack files, or folders of them (their {@code *.yaml}/{@code *.yml}, sorted)
     * @throws BundleException for a bad version, a pack name a bundle cannot carry, or two packs with one name
     */
    public static byte[] sign(List<Path> packs, String version, Instant created, PrivateKey key) throws IOException {
        if (!BundleVersion.valid(version)) {
            throw new BundleException("bad version '" + RuleBundle.printable(version)
                    + "': digits, letters, dots and hyphens, e.g. 2026.12.1");
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Path p : packs) {
            List<Path> yamls;
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    yamls = s.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
                }
            } else {
                yamls = List.of(p);
            }
            for (Path y : yamls) {
                String name = y.getFileName().toString();
                if (!name.matches(RuleBundle.PACK_NAME)) {
                    throw new BundleException(y + ": a bundle's pack names are letters, digits, '_', '.', '-' and end in .yaml");
                }
                if (files.put(name, Files.readAllBytes(y)) != null) {
                    throw new BundleException(y + ": two packs named " + name);
                }
            }
        }
        if (files.isEmpty()) {
            throw new BundleException("no packs (*.yaml) in " + packs);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode().put("format", RuleBundle.FORMAT).put("version", version)
                .put("created", created.toString());
        ObjectNode hashes = m.putObject("packs");
        files.forEach((name, bytes) -> hashes.put(name, RuleBundle.sha256(bytes)));
        byte[] manifest = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(BundleKeys.ALGORITHM);
            signer.initSign(key);
            signer.update(manifest);
            signature = Base64.getEncoder().encode(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new BundleException("cannot sign with this key: " + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, RuleBundle.MANIFEST, manifest);
            put(zip, RuleBundle.SIGNATURE, signature);
            for (var e : files.entrySet()) {
                put(zip, RuleBundle.PACKS + e.getKey(), e.getValue());
            }
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0); // the same packs and version give the same bytes
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
