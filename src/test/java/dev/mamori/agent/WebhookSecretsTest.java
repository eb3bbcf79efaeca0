package dev.mamori.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.platform.ExitPoints;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9 item 4: the webhook's token travels in a header whose value comes from a file or the
 * environment, reaches a real HTTP server, and is never written to the status, the log, the
 * config's string form or a config error. Plain http:// is refused unless allowed.
 */
class WebhookSecretsTest {

    static final String FILE_TOKEN = "Bearer s3cr3t-from-file-4f9a";
    static final String ENV_TOKEN = "k3y-from-env-77c1";

    @TempDir
    Path root;
    HttpServer server;
    final LinkedBlockingQueue<Headers> received = new LinkedBlockingQueue<>();
    Path token;
    final Function<String, String> env = Map.of("MAMORI_TEST_KEY", ENV_TOKEN)::get;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/alerts", ex -> {
            ex.getRequestBody().readAllBytes();
            received.add(ex.getRequestHeaders());
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        token = Files.writeString(root.resolve("token"), FILE_TOKEN + "\n"); // as `echo > token` writes it
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path config(String webhook) throws Exception {
        return Files.writeString(root.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {cloud-sync: false}
                scan: {isolation: in_process}
                alerts:
                  retry-seconds: 1
                  webhook:
                %s
                """.formatted(root.resolve("data"), webhook.indent(4)));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    @Test
    void theHeadersArriveAndTheirValuesAreShownNowhere() throws Exception {
        Path config = config("""
                url: '%s'
                allow-plain-http: true
                headers:
                  Authorization: {value-file: token}
                  X-Api-Key: {value-env: MAMORI_TEST_KEY}
                """.formatted(url()));
        // the auditors' commands load the config without reading its secrets
        assertThat(new AgentConfigLoader(root).load(config).alerts().webhookHeaders())
                .extracting(h -> h.name() + "=" + h.value()).containsExactly("Authorization=null", "X-Api-Key=null");
        AgentConfig c = new AgentConfigLoader(root).readingSecrets(env).load(config);
        assertThat(c.toString()).doesNotContain(FILE_TOKEN, "s3cr3t", ENV_TOKEN).contains("value-file " + token);

        Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
        Files.copy(RealisticCorpus.writeTo(root.resolve("corpus")).root().resolve("顧客リスト_202611.csv"),
                usb.resolve("list.csv"));
        // every log line of the run, at DEBUG
        Logger rootLogger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = rootLogger.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        rootLogger.addAppender(log);
        rootLogger.setLevel(Level.DEBUG);
        String status;
        try (Agent agent = new Agent(c, BundledRules.get(), new Agent.Environment(
                new ExitPoints(dev.mamori.platform.OperatingSystem.LINUX, root, List.of(root.resolve("media/taro"))), Clock.systemUTC(), "pc", "taro", "t"))) {
            agent.start();
            Headers headers = received.poll(90, TimeUnit.SECONDS);
            assertThat(headers).as("an alert reached the webhook").isNotNull();
            assertThat(headers.getFirst("Authorization")).isEqualTo(FILE_TOKEN);
            assertThat(headers.getFirst("X-Api-Key")).isEqualTo(ENV_TOKEN);
            agent.awaitIdle(Duration.ofSeconds(30));
            Path statusFile = root.resolve("data/status.json");
            for (long end = System.nanoTime() + 10_000_000_000L; !Files.exists(statusFile) && System.nanoTime() < end; ) {
                Thread.onSpinWait(); // the housekeeping timer writes it every second
            }
            status = dev.mamori.cli.MainRun.out("status", "--config", config.toString());
        } finally {
            rootLogger.detachAppender(log);
            rootLogger.setLevel(level);
        }
        assertThat(log.list).as("the capture works").isNotEmpty();
        for (ILoggingEvent e : log.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain("s3cr3t", ENV_TOKEN);
        }
        assertThat(status).contains("sink webhook").doesNotContain("s3cr3t", ENV_TOKEN);
        // everything the agent left behind: status, stores, spool positions, alerts.jsonl
        try (var files = Files.walk(root.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain("s3cr3t", ENV_TOKEN);
            }
        }
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() throws Exception {
        Path config = config("url: '" + url() + "'");
        assertThatThrownBy(() -> new AgentConfigLoader(root).readingSecrets(env).load(config)).isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("mamori.yaml:7:")
                .hasMessageContaining("'alerts.webhook.url' is plain http://")
                .hasMessageContaining("allow-plain-http: true");
        Path https = config("url: 'https://siem.example.jp/alerts'");
        assertThat(new AgentConfigLoader(root).readingSecrets(env).load(https).alerts().webhookUrl()).startsWith("https://");
        Path credentials = config("url: 'https://mamori:" + ENV_TOKEN + "@siem.example.jp/alerts'");
        assertThatThrownBy(() -> new AgentConfigLoader(root).readingSecrets(env).load(credentials))
                .hasMessageContaining("holds credentials").hasMessageNotContaining(ENV_TOKEN);
    }

    @Test
    void configErrorsNameTheSourceNeverTheValue() throws Exception {
        Files.writeString(root.resolve("two-lines"), FILE_TOKEN + "\nsecond-line-" + ENV_TOKEN);
        Path config = config("""
                url: 'https://siem.example.jp/alerts'
                headers:
                  Authorization: {value-file: two-lines}
                  X-Api-Key: {value-env: MAMORI_UNSET}
                  X-Missing: {value-file: /nonexistent/token}
                  X-Inline: 'Bearer %s'
                  Host: {value-env: MAMORI_TEST_KEY}
                  X-Both: {value-file: token, value-env: MAMORI_TEST_KEY}
                """.formatted(ENV_TOKEN));
        assertThatThrownBy(() -> new AgentConfigLoader(root).readingSecrets(env).load(config))
                .isInstanceOf(AgentConfigException.class)
                .hasMessageContaining("header 'Authorization': the value from value-file " + root.resolve("two-lines")
                        + " holds a line break")
                .hasMessageContaining("header 'X-Api-Key': environment variable 'MAMORI_UNSET' is not set")
                .hasMessageContaining("header 'X-Missing': cannot read /nonexistent/token (NoSuchFileException)")
                .hasMessageContaining("header 'X-Inline': write {value-file: FILE} or {value-env: VARIABLE}")
                .hasMessageContaining("header 'Host': set by Mamori or the HTTP client")
                .hasMessageContaining("header 'X-Both': give exactly one of value-file, value-env")
                .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("second-line");
    }
}
