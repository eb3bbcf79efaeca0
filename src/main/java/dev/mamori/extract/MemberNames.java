package dev.mamori.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Readable names for archive members. Japanese Windows writes zip entry names in CP932 without the
 * UTF-8 flag. Tika's guess at such a name's charset is unreliable for short names, so it is turned
 * off ({@link #TIKA_CONFIG}): Tika then names the entry as commons-compress decodes it by default,
 * and this class maps that name to the CP932 reading of the entry's raw bytes; gzip headers hold a name in bytes that Tika reads as Latin-1, while
 * Linux tools write UTF-8. Auditors must be able to read which member held the data.
 */
final class MemberNames {

    static final Charset CP932 = Charset.forName("windows-31j");

    /** Tika's default parsers, with the zip entry-name charset guess off (see above). */
    static final String TIKA_CONFIG = """
            <properties><parsers>
              <parser class="org.apache.tika.parser.DefaultParser">
                <parser-exclude class="org.apache.tika.parser.pkg.PackageParser"/>
              </parser>
              <parser class="org.apache.tika.parser.pkg.PackageParser">
                <params><param name="detectCharsetsInEntryNames" type="bool">false</param></params>
              </parser>
            </parsers></properties>
            """;

    private MemberNames() {
    }

    /** The parser Mamori extracts with: Tika's automatic detection over {@link #TIKA_CONFIG}. */
    static org.apache.tika.parser.Parser parser() {
        try {
            return new org.apache.tika.parser.AutoDetectParser(new org.apache.tika.config.TikaConfig(
                    new java.io.ByteArrayInputStream(TIKA_CONFIG.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new IllegalStateException("the built-in Tika configuration is broken", e);
        }
    }

    /**
     * For a zip read from a file: the name Tika will give each entry whose raw name is not UTF-8 and
     * is valid CP932, mapped to its CP932 reading. Empty when none, or when the stream is not a zip.
     */
    static Map<String, String> zipNames(TikaInputStream stream) {
        try {
            byte[] head = new byte[4];
            if (stream.peek(head) < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                return Map.of();
            }
            Map<String, String> names = new HashMap<>();
            try (ZipFile zip = ZipFile.builder().setFile(stream.getFile()).get()) {
                for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                    byte[] raw = e.getRawName();
                    if (e.getGeneralPurposeBit().usesUTF8ForNames() || raw == null || strict(raw, StandardCharsets.UTF_8) != null) {
                        continue;
                    }
                    String cp932 = strict(raw, CP932);
                    if (cp932 != null) {
                        names.put(e.getName(), cp932);
                    }
                }
            }
            return names;
        } catch (IOException | RuntimeException e) {
            return Map.of(); // not a zip we can list: Tika's names stand
        }
    }

    /** The name to show for a member Tika called {@code tikaName}, inside a parent described by {@code parent}. */
    static String name(String tikaName, Map<String, String> zipNames, Metadata parent) {
        if (tikaName == null || tikaName.isBlank()) {
            String type = parent.get(Metadata.CONTENT_TYPE);
            String outer = parent.get(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY);
            if (type != null && type.startsWith("application/gzip") && outer != null) {
                return withoutGz(outer);
            }
            return tikaName;
        }
        String fromZip = zipNames.get(tikaName);
        if (fromZip != null) {
            return fromZip;
        }
        String type = parent.get(Metadata.CONTENT_TYPE);
        if (type != null && type.startsWith("application/gzip")) {
            return gzipName(tikaName);
        }
        return tikaName;
    }

    /** A gzip header name read as Latin-1: its bytes as UTF-8, else CP932, else as Tika read it. */
    static String gzipName(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) > 0xFF) {
                return latin1; // not a Latin-1 reading of bytes: already decoded
            }
        }
        byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = strict(raw, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String cp932 = strict(raw, CP932);
        return cp932 != null ? cp932 : latin1;
    }

    static String withoutGz(String outer) {
        String base = outer.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String lower = base.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tgz")) {
            return base.substring(0, base.length() - 4) + ".tar";
        }
        return lower.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
    }

    /** The bytes decoded, or null when they are not valid in {@code charset}. */
    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
