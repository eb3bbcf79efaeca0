package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.agent.Agent;
import dev.mamori.agent.AgentConfigLoader;
import dev.mamori.platform.ExitPoints;
import dev.mamori.testing.BundledRules;
import dev.mamori.testing.RealisticCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a store the agent filled, opened in a real headless Chromium (Debian's package;
 * {@code .ci/run} installs it): it renders without console errors, its figures and chart bars hold
 * the expected numbers, and a screenshot is kept in {@code target/report-screenshot.png}.
 */
class ReportIT {

    @TempDir
    Path root;

    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static List<String> browser(Path exe, Path profile, String... args) {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String run(List<String> cmd, Path log) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theReportRendersInChromiumWithTheExpectedNumbers() throws Exception {
        Path exe = chromium();
        if (exe == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("chromium is not installed: .ci/run must install it");
        }
        assumeTrue(exe != null, "chromium not installed");

        RealisticCorpus corpus = RealisticCorpus.writeTo(root.resolve("corpus"));
        Path usb = Files.createDirectories(root.resolve("media/taro/STICK"));
        Files.copy(corpus.root().resolve("会員名簿.xlsx"), usb.resolve("members.xlsx"));
        Files.copy(corpus.root().resolve("入社手続き_マイナンバー提出.txt"), usb.resolve("mynumber.txt"));
        Path outbox = Files.createDirectories(root.resolve("outbox"));
        Files.copy(corpus.root().resolve("顧客リスト_202611.csv"), outbox.resolve("list.csv"));
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, "data-dir: " + data + "\nwatch: {outboxes: ['" + outbox + "'], cloud-sync: false}\n"
                + "scan: {isolation: in_process}\n");
        try (Agent agent = new Agent(new AgentConfigLoader(root).load(config), BundledRules.get(), new Agent.Environment(
                new ExitPoints("linux", root, List.of(root.resolve("media/taro"))), Clock.systemUTC(), "pc-01", "taro", "t"))) {
            agent.start();
            agent.awaitChecked(3, Duration.ofSeconds(180));
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path html = root.resolve("report.html");
        int exit = dev.mamori.cli.Main.run("report", "--data-dir", data.toString(), "--from", today.minusDays(6).toString(),
                "--to", today.toString(), "--lang", "ja", "--output", html.toString());
        assertThat(exit).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script src", "http://", "https://").contains("個人情報保護委員会");

        Path log = root.resolve("chromium.log");
        String dom = run(browser(exe, root.resolve("profile"), "--virtual-time-budget=3000", "--dump-dom", html.toUri().toString()), log);
        assertThat(dom).contains("id=\"card-total\"><b data-value=\"3\"", "id=\"card-high\"><b class=\"high\" data-value=\"3\"",
                "id=\"card-reportable\"><b class=\"high\" data-value=\"1\"");
        assertThat(dom).contains("data-label=\"usb\" data-value=\"2\"", "data-label=\"outbox\" data-value=\"1\"",
                "data-label=\"" + today + "\" data-value=\"3\"");
        assertThat(dom).contains("members.xlsx").containsPattern("<li>[^<]*members.xlsx \\(1050 ");
        String console = Files.readString(log);
        assertThat(console.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList()).isEmpty();

        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        run(browser(exe, root.resolve("profile2"), "--window-size=1280,1600", "--screenshot=" + shot, html.toUri().toString()), log);
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }
}
