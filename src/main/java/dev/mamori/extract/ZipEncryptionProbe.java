package dev.mamori.extract;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Lists the password-protected entries of a zip file. Tika skips such entries silently when it
 * reads a zip from a file, so a PPAP attachment would otherwise look clean.
 */
final class ZipEncryptionProbe {

    private ZipEncryptionProbe() {
    }

    /** Names of encrypted entries (empty when none, or when the file is not a readable zip). */
    static List<String> encryptedEntries(File zip) {
        List<String> names = new ArrayList<>();
        try (ZipFile file = ZipFile.builder().setFile(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(file.getEntries())) {
                if (e.getGeneralPurposeBit().usesEncryption() || e.getGeneralPurposeBit().usesStrongEncryption()) {
                    names.add(e.getName());
                }
            }
        } catch (Exception | LinkageError e) {
            return List.of(); // not a zip we can list: the parser's own status stands
        }
        return names;
    }
}
