package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.mamori.testing.JsonlAlerts;
import dev.mamori.testing.KafkaBrokerExtension;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything Mamori writes, searched for the personal data planted in a customer list and a Word
 * file: {@code scan} in every format, the agent (a real JVM, logging at DEBUG, forked workers)
 * with every sink (JSON Lines, syslog, a webhook and a Kafka broker), both Lucene stores read
 * back through Lucene (stored fields and every indexed term), every other file in its data and log
 * folders, the quarantine note, and the auditors' commands ({@code alerts search}, {@code report},
 * {@code inventory}, {@code impact}, {@code rules test}, {@code status}). No planted value may
 * appear in any of it, in any of its written forms.
 */
class PrivacyIT {

    /** The planted values, as they are written in the files and as other tools might render them. */
    static final List<String> PLANTED = List.of(
            "林 肇", "林肇", "肇", "ハヤシ ハジメ", // a name whose parts are one character each
            "1985年4月12日", "1985-04-12", "1985/04/12", "19850412", "昭和60年4月12日",
            "090-1234-5678", "09012345678",
            "hajime.hayashi@example.co.jp", "hajime.hayashi",
            "丸の内1-9-2", "千代田区丸の内1",
            "123456789018", "1234 5678 9018",
            "4111 1111 1111 1111", "4111111111111111");

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void noPlantedValueAppearsInAnythingMamoriWrites() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        Path files = Files.createDirectories(dir.resolve("files"));
        plant(files);

        // scan, in every format
        for (String format : List.of("text", "jsonl", "csv")) {
            ScanCommandTest.Run scan = ScanCommandTest.mamori("scan", "--format", format, files.toString());
            assertThat(scan.exit()).as(scan.err()).isEqualTo(1);
            written.put("scan --format " + format, scan.out() + scan.err());
        }
        ScanCommandTest.Run explained = ScanCommandTest.mamori("rules", "test", files.resolve("顧客一覧.csv").toString());
        written.put("rules test FILE", explained.out() + explained.err());

        // the agent, with every sink, logging at DEBUG
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path data = dir.resolve("data");
        Path logs = dir.resolve("logs");
        Map<String, String> webhook = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", ex -> {
            webhook.merge("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), String::concat);
            webhook.merge("headers", ex.getRequestHeaders().toString(), String::concat);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        KAFKA.broker().createTopic("privacy", 1);
        try (DatagramSocket syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            syslog.setSoTimeout(200);
            Path config = Files.writeString(dir.resolve("mamori.yaml"), """
                    data-dir: %s
                    watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 200}
                    alerts:
                      jsonl: '%s'
                      syslog: {host: 127.0.0.1, port: %d, protocol: udp}
                      webhook: {url: 'http://127.0.0.1:%d/alerts', allow-plain-http: true}
                      kafka: {bootstrap: '%s', topic: privacy}
                    actions: {quarantine-min-severity: high}
                    """.formatted(data, outbox, data.resolve("alerts.jsonl"), syslog.getLocalPort(),
                    server.getAddress().getPort(), KAFKA.broker().bootstrap()));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=" + Path.of("agent/logback.xml").toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), "dev.mamori.cli.Main", "agent", "--config", config.toString()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile());
            pb.environment().put("MAMORI_LOG_LEVEL", "DEBUG");
            pb.environment().put("MAMORI_LOG_DIR", logs.toString());
            Process agent = pb.start();
            ByteArrayOutputStream datagrams = new ByteArrayOutputStream();
            try {
                await("the agent running").atMost(Duration.ofSeconds(60))
                        .until(() -> Files.exists(data.resolve("status.json")) && Files.readString(data.resolve("status.json")).contains("running"));
                Files.copy(files.resolve("顧客一覧.csv"), outbox.resolve("顧客一覧.csv"));
                Files.copy(files.resolve("面談記録.docx"), outbox.resolve("面談記録.docx"));
                JsonlAlerts.awaitAlertedFiles(data.resolve("alerts.jsonl"), 2, Duration.ofSeconds(90));
                await("syslog, webhook and Kafka carrying both alerts").atMost(Duration.ofSeconds(60)).until(() -> {
                    receive(syslog, datagrams);
                    String got = datagrams.toString(StandardCharsets.UTF_8);
                    return got.contains("顧客一覧.csv") && got.contains("面談記録.docx")
                            && webhook.getOrDefault("body", "").contains("面談記録.docx") && kafka("privacy").contains("面談記録.docx");
                });
                String alertId = JsonlAlerts.read(data.resolve("alerts.jsonl")).get(0).path("event").path("id").asText();
                ScanCommandTest.Run ack = ScanCommandTest.mamori("alerts", "ack", "-c", config.toString(), alertId, "--note", "checked");
                assertThat(ack.exit()).as(ack.err()).isZero();
                written.put("status", ScanCommandTest.mamori("status", "-c", config.toString()).out());
            } finally {
                agent.destroy();
                agent.waitFor();
                server.stop(0);
            }
            receive(syslog, datagrams);
            written.put("syslog datagrams", datagrams.toString(StandardCharsets.UTF_8));
        }
        written.put("webhook", String.join("\n", webhook.values()));
        written.put("kafka records", kafka("privacy"));
        written.put("agent stdout", Files.readString(dir.resolve("agent.out")));
        written.put("quarantine note", Files.readString(outbox.resolve("顧客一覧.csv.mamori-quarantine.txt")));
        written.put("alert store (Lucene)", lucene(data.resolve("alerts")));
        written.put("state store (Lucene)", lucene(data.resolve("state")));
        for (Path root : List.of(data, logs)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path f : all.filter(Files::isRegularFile).toList()) {
                    boolean lucene = f.startsWith(data.resolve("alerts")) || f.startsWith(data.resolve("state"));
                    boolean theQuarantinedFileItself = f.getFileName().toString().equals("file") && f.startsWith(data.resolve("quarantine"));
                    if (!lucene && !theQuarantinedFileItself) {
                        written.put(dir.relativize(f).toString(), text(f));
                    }
                }
            }
        }

        // the auditors' commands over what the agent stored
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String store = data.toString();
        written.put("alerts search", ScanCommandTest.mamori("alerts", "search", "--data-dir", store, "*:*").out());
        written.put("alerts search jsonl", ScanCommandTest.mamori("alerts", "search", "--data-dir", store, "--format", "jsonl", "*:*").out());
        for (String format : List.of("html", "csv", "json")) {
            Path report = dir.resolve("report." + format);
            ScanCommandTest.Run run = ScanCommandTest.mamori("report", "--data-dir", store, "--from", "2000-01-01", "--to", today,
                    "--format", format, "-o", report.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            written.put("report " + format, Files.readString(report) + run.out() + run.err());
        }
        for (String format : List.of("csv", "json", "html")) {
            Path inventory = dir.resolve("inventory." + format);
            ScanCommandTest.Run run = ScanCommandTest.mamori("inventory", "--data-dir", store, "--all", "--format", format,
                    "-o", inventory.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            written.put("inventory " + format, Files.readString(inventory) + run.out() + run.err());
        }
        ScanCommandTest.Run impact = ScanCommandTest.mamori("impact", files.toString());
        written.put("impact", impact.out() + impact.err());
        ScanCommandTest.Run incident = ScanCommandTest.mamori("report", "--data-dir", store, "--incident", "*:*",
                "-o", dir.resolve("incident.html").toString());
        written.put("report --incident", Files.readString(dir.resolve("incident.html")) + incident.err());

        List<String> hits = new ArrayList<>();
        long bytes = 0;
        for (var e : written.entrySet()) {
            bytes += e.getValue().getBytes(StandardCharsets.UTF_8).length;
            for (String value : PLANTED) {
                if (e.getValue().contains(value)) {
                    hits.add(e.getKey() + ": '" + value + "'");
                }
            }
        }
        System.out.printf("privacy: %d outputs, %,d bytes searched for %d planted values: %d hit(s)%n",
                written.size(), bytes, PLANTED.size(), hits.size());
        assertThat(written.get("scan --format jsonl")).as("the scan did find them").contains("PHONE_NUMBER", "DATE_OF_BIRTH");
        assertThat(written.get("alert store (Lucene)")).as("the store was read").contains("顧客一覧.csv");
        assertThat(hits).as("raw personal data in Mamori's outputs").isEmpty();
    }

    /** The customer list (a name of one-character parts among others) and a Word file (made by POI) holding the same person. */
    private static void plant(Path files) throws Exception {
        StringBuilder csv = new StringBuilder("氏名,フリガナ,生年月日,電話番号,メール,住所,個人番号,カード番号\n");
        csv.append("林 肇,ハヤシ ハジメ,1985年4月12日,090-1234-5678,hajime.hayashi@example.co.jp,東京都千代田区丸の内1-9-2,"
                + "123456789018,4111 1111 1111 1111\n");
        String[] surnames = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"};
        String[] given = {"健一", "美咲", "大輔", "陽子", "翔太", "真由美", "拓也", "恵", "直樹", "彩"};
        for (int i = 0; i < 20; i++) {
            csv.append(surnames[i % 10]).append(' ').append(given[(i * 3) % 10]).append(",,19").append(70 + i).append("年")
                    .append(1 + i % 12).append("月").append(1 + i).append("日,080-").append(String.format("%04d", 2000 + i))
                    .append('-').append(String.format("%04d", 3000 + i)).append(",user").append(i).append("@example.jp,")
                    .append("大阪府大阪市北区梅田").append(1 + i).append("-1-1,,\n");
        }
        Files.writeString(files.resolve("顧客一覧.csv"), csv.toString(), StandardCharsets.UTF_8);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(files.resolve("面談記録.docx"))) {
            doc.createParagraph().createRun().setText("面談記録 氏名: 林 肇 様 生年月日: 1985年4月12日 携帯: 090-1234-5678");
            doc.createParagraph().createRun().setText("連絡先メール: hajime.hayashi@example.co.jp 個人番号: 1234 5678 9018");
            doc.write(out);
        }
    }

    private static void receive(DatagramSocket socket, ByteArrayOutputStream into) throws Exception {
        byte[] buf = new byte[65_535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (java.net.SocketTimeoutException none) {
                return;
            }
            into.write(p.getData(), 0, p.getLength());
            into.write('\n');
        }
    }

    /** Every record of the topic: key, headers and value. */
    private static String kafka(String topic) {
        StringBuilder out = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", KAFKA.broker().bootstrap(),
                "key.deserializer", ByteArrayDeserializer.class.getName(), "value.deserializer", ByteArrayDeserializer.class.getName(),
                "isolation.level", "read_uncommitted"))) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long end = c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + 10_000_000_000L;
            long seen = 0;
            while (seen < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    seen = Math.max(seen, r.offset() + 1);
                    out.append(r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).append(' ');
                    for (Header h : r.headers()) {
                        out.append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8)).append(' ');
                    }
                    out.append(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** A Lucene index as Lucene reads it: every stored field of every document and every indexed term. */
    private static String lucene(Path index) throws Exception {
        StringBuilder out = new StringBuilder();
        try (FSDirectory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                var stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    for (IndexableField f : stored.document(doc)) {
                        out.append(f.name()).append('=').append(f.stringValue() != null ? f.stringValue()
                                : f.binaryValue() != null ? f.binaryValue().utf8ToString() : String.valueOf(f.numericValue())).append('\n');
                    }
                }
                for (FieldInfo field : leaf.reader().getFieldInfos()) {
                    Terms terms = leaf.reader().terms(field.name);
                    if (terms == null) {
                        continue;
                    }
                    TermsEnum te = terms.iterator();
                    for (BytesRef term = te.next(); term != null; term = te.next()) {
                        out.append(field.name).append(':').append(term.utf8ToString()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static String text(Path f) throws Exception {
        byte[] bytes = Files.readAllBytes(f);
        if (f.getFileName().toString().endsWith(".gz")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
