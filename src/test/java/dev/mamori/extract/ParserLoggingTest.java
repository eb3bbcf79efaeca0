package dev.mamori.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import dev.mamori.testing.Documents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 9 item 6: POI logs a broken hyperlink's target in full at ERROR, and a mailto: target is a
 * person. With each logback config Mamori ships, the root at DEBUG, an in-process extraction of
 * such a document must log nothing of it, while Mamori's own DEBUG lines still come through.
 */
class ParserLoggingTest {

    static final String EMAIL = "sakura.takahashi@example.jp";
    static final String PHONE = "090-1234-5678";

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheTestLogging() throws Exception {
        System.clearProperty("MAMORI_LOG_LEVEL");
        System.clearProperty("MAMORI_LOG_DIR");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/logback.xml", "agent/logback.xml", "src/main/resources/dev/mamori/logging/worker.xml"})
    void aDocumentsContentNeverReachesTheLogAtDebug(String config) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path doc = brokenHyperlink(dir.resolve("mail.docx"));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            configure(config, logs);
            List<ExtractedDocument> docs = new TikaExtractor(ExtractionLimits.defaults()).extract(doc, doc.toString());
            assertThat(docs).isNotEmpty();
            // as POI (Log4j API, bridged to SLF4J) and Tika (SLF4J) would write them
            org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.openxml4j.opc.PackageRelationshipCollection")
                    .error("Cannot convert mailto:{} in a valid relationship URI", EMAIL);
            LoggerFactory.getLogger("org.apache.tika.parser.microsoft.ooxml.XWPFWordExtractorDecorator").debug("text {}", PHONE);
            LoggerFactory.getLogger("dev.mamori.extract.Canary").debug("canary line");
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flushes the file appender
        } finally {
            System.setErr(oldErr);
        }
        String written = stderr.toString(StandardCharsets.UTF_8) + readAll(logs);
        if (!config.endsWith("worker.xml")) {
            assertThat(written).as("the capture works: Mamori's own DEBUG line is there").contains("canary line");
        } else {
            assertThat(written).isEmpty();
        }
        assertThat(written).doesNotContain(EMAIL, "sakura", PHONE, "1234-5678", "mailto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/resources/logback.xml", "agent/logback.xml"})
    void aFileNameCannotForgeALogLineNorReachTheTerminalRaw(String config) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            configure(config, logs);
            LoggerFactory.getLogger("dev.mamori.agent.Agent").warn("{}: extraction exceeded 60 s",
                    "/media/a.csv\n2026-12-02 ERROR forged line \u001b[31m");
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        } finally {
            System.setErr(oldErr);
        }
        String written = stderr.toString(StandardCharsets.UTF_8) + readAll(logs);
        assertThat(written.lines()).singleElement().asString()
                .contains("/media/a.csv\\n2026-12-02 ERROR forged line \\u001b[31m: extraction exceeded");
        assertThat(written).doesNotContain("\u001b");
    }

    private static void configure(String config, Path logs) throws Exception {
        System.setProperty("MAMORI_LOG_LEVEL", "DEBUG");
        System.setProperty("MAMORI_LOG_DIR", logs.toString());
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(Path.of(config).toFile());
    }

    private static String readAll(Path logs) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                b.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /** A real docx whose hyperlink target is a mailto: that is not a valid URI (POI logs it at ERROR). */
    private static Path brokenHyperlink(Path file) throws IOException {
        Path plain = Documents.docx(file.resolveSibling("plain.docx"), List.of("ご連絡は下記まで"));
        String rel = "<Relationship Id=\"rIdBroken\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/hyperlink\" Target=\"mailto:高橋 さくら &lt;" + EMAIL + "&gt;?body=%zz " + PHONE
                + "\" TargetMode=\"External\"/>";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("word/_rels/document.xml.rels")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</Relationships>", rel + "</Relationships>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }
}
