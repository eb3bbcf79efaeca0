package dev.mamori.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.lingala.zip4j.ZipFile;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes real documents with the libraries that real programs use (POI, PDFBox, zip4j), so that
 * tests exercise Tika on genuine files rather than hand-made stand-ins.
 */
public final class Documents {

    private Documents() {
    }

    public static Path docx(Path file, List<String> paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    public static Path xlsx(Path file, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("顧客");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
        }
        return file;
    }

    /** A docx encrypted with Office's agile encryption (what Word does for "Encrypt with Password"). */
    public static Path encryptedDocx(Path file, List<String> paragraphs, String password) throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(plain);
        }
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(password);
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain.toByteArray());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** A one-page PDF; text in Latin script (the standard PDF fonts have no Japanese glyphs). */
    public static Path pdf(Path file, List<String> lines, String password) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            writeLines(doc, page, lines);
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    public static Path text(Path file, String content, Charset charset) throws IOException {
        Files.write(file, content.getBytes(charset));
        return file;
    }

    /** A zip of name → bytes (names may contain folders). */
    /**
     * A small Word file (about 400 KB) whose parser needs far more than a 64 MB heap: 150,000
     * paragraphs, which the document model holds at once. Text itself no longer exhausts a worker
     * (it is spooled), so this is how tests make a parser run out of memory.
     */
    public static Path heapHog(Path file) throws IOException {
        List<String> paragraphs = new java.util.ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            paragraphs.add("ログ " + i + " 処理中 東京都千代田区丸の内1-2-3");
        }
        return docx(file, paragraphs);
    }

    public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A password-protected zip, as mailed in the PPAP practice (ZipCrypto, what most tools still write). */
    public static Path encryptedZip(Path file, Map<String, byte[]> entries, String password) throws IOException {
        ZipParameters params = new ZipParameters();
        params.setEncryptFiles(true);
        params.setEncryptionMethod(EncryptionMethod.ZIP_STANDARD);
        try (ZipFile zip = new ZipFile(file.toFile(), password.toCharArray())) {
            for (var e : entries.entrySet()) {
                ZipParameters p = new ZipParameters(params);
                p.setFileNameInZip(e.getKey());
                zip.addStream(new java.io.ByteArrayInputStream(e.getValue()), p);
            }
        }
        return file;
    }

    /** An RFC 822 mail with a UTF-8 body and optional attachments (name → bytes), base64-encoded. */
    public static Path eml(Path file, String from, String to, String subject, String body, Map<String, byte[]> attachments)
            throws IOException {
        String boundary = "=_mamori_boundary";
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append("\r\n");
        m.append("To: ").append(to).append("\r\n");
        m.append("Subject: =?UTF-8?B?").append(b64(subject.getBytes(StandardCharsets.UTF_8))).append("?=\r\n");
        m.append("Date: Wed, 25 Nov 2026 10:00:00 +0900\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        m.append(wrap(b64(body.getBytes(StandardCharsets.UTF_8)))).append("\r\n");
        for (var a : attachments.entrySet()) {
            // non-ASCII file names as MIME encoded words, as Japanese mail clients write them
            String name = "=?UTF-8?B?" + b64(a.getKey().getBytes(StandardCharsets.UTF_8)) + "?=";
            m.append("--").append(boundary).append("\r\n");
            m.append("Content-Type: application/octet-stream; name=\"").append(name).append("\"\r\n");
            m.append("Content-Disposition: attachment; filename=\"").append(name).append("\"\r\n");
            m.append("Content-Transfer-Encoding: base64\r\n\r\n");
            m.append(wrap(b64(a.getValue()))).append("\r\n");
        }
        m.append("--").append(boundary).append("--\r\n");
        Files.writeString(file, m.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    /**
     * A PDF whose first page is only a picture (a scanned form: no text layer) and whose second page
     * holds {@code lines} as text.
     */
    public static Path scannedThenTextPdf(Path file, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage scan = new PDPage();
            doc.addPage(scan);
            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(200, 100,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = picture.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 200, 100);
            g.setColor(java.awt.Color.BLACK);
            g.drawLine(10, 50, 190, 50); // pen strokes, not text
            g.dispose();
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, picture);
            try (PDPageContentStream cs = new PDPageContentStream(doc, scan)) {
                cs.drawImage(image, 50, 400, 400, 200);
            }
            PDPage typed = new PDPage();
            doc.addPage(typed);
            writeLines(doc, typed, lines);
            doc.save(file.toFile());
        }
        return file;
    }

    /** {@code leaf} at the bottom of {@code levels} zips inside {@code file}: file!/l1.zip!/.../l{levels}.zip!/leaf. */
    public static Path nestedZip(Path file, int levels, String leafName, byte[] leaf) throws IOException {
        byte[] content = leaf;
        String name = leafName;
        for (int level = levels; level >= 0; level--) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            content = bytes.toByteArray();
            name = "l" + level + ".zip";
        }
        Files.write(file, content);
        return file;
    }

    /**
     * A zip as Japanese Windows' Explorer writes it: entry names in CP932, without the UTF-8 flag
     * (commons-compress with the name encoding set, language-encoding flag off).
     */
    public static Path cp932Zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(file.toFile())) {
            zip.setEncoding("windows-31j");
            zip.setUseLanguageEncodingFlag(false);
            zip.setCreateUnicodeExtraFields(
                    org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (var e : entries.entrySet()) {
                var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(e.getKey());
                zip.putArchiveEntry(entry);
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A gzip file; {@code headerName} (null for none) goes into the header in UTF-8, as GNU gzip on Linux writes it. */
    public static Path gzip(Path file, String headerName, byte[] content) throws IOException {
        var params = new org.apache.commons.compress.compressors.gzip.GzipParameters();
        if (headerName != null) {
            params.setFileNameCharset(StandardCharsets.UTF_8);
            params.setFileName(headerName);
        }
        try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(
                Files.newOutputStream(file), params)) {
            gz.write(content);
        }
        return file;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String wrap(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 76) {
            b.append(s, i, Math.min(s.length(), i + 76)).append("\r\n");
        }
        return b.toString();
    }

    /** Lines of Latin text on a PDF page, top down (the standard fonts have no Japanese glyphs). */
    private static void writeLines(PDDocument doc, PDPage page, List<String> lines) throws IOException {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            cs.newLineAtOffset(50, 700);
            for (String line : lines) {
                cs.showText(line);
                cs.newLineAtOffset(0, -16);
            }
            cs.endText();
        }
    }
}
