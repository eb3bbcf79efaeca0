package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.agent.Agent;
import dev.mamori.testing.TestAgents;
import dev.mamori.testing.RealisticCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** The page's text as a reader sees it: no style, no script, no tags. */
    static String visibleText(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<script.*?</script>", " ")
                .replaceAll("(?s)<[^>]*>", " ");
    }

    private static void screenshot(Path exe, Path profile, Path html, String name, Path log) throws Exception {
        Path shot = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        run(browser(exe, profile, "--window-size=1280,2400", "--screenshot=" + shot, html.toUri().toString()), log);
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void theReportRendersInChromiumWithTheExpectedNumbersLabelsAndTimes() throws Exception {
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
        // 1,200 rows of the same 30 persons: more than 1,000 rows, but not more than 1,000 persons
        StringBuilder export = new StringBuilder("氏名,生年月日,電話番号,購入商品\n");
        String[] surnames = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺"};
        String[] given = {"太郎", "花子", "一郎", "美咲", "健太"};
        for (int row = 0; row < 1_200; row++) {
            int p = row % 30;
            export.append(surnames[p % 6]).append(' ').append(given[p / 6]).append(',')
                    .append("%d/%02d/%02d".formatted(1960 + p, 1 + p % 12, 1 + p % 28)).append(',')
                    .append("090-%04d-%04d".formatted(1000 + p * 7, 2000 + p * 13)).append(",商品").append(row % 40).append('\n');
        }
        Files.writeString(outbox.resolve("export.csv"), export.toString(), StandardCharsets.UTF_8);
        dev.mamori.testing.Documents.encryptedZip(outbox.resolve("locked.zip"),
                java.util.Map.of("list.csv", Files.readAllBytes(outbox.resolve("list.csv"))), "secret");
        Path data = root.resolve("data");
        Path config = root.resolve("mamori.yaml");
        Files.writeString(config, "data-dir: " + data + "\nwatch: {outboxes: ['" + outbox + "'], cloud-sync: false}\n"
                + "scan: {isolation: in_process}\n");
        try (Agent agent = TestAgents.started(root, config, "pc-01")) {
            agent.awaitChecked(5, Duration.ofSeconds(180));
            agent.health(dev.mamori.alert.HealthProblem.RULES_REFUSED, "rules",
                    "rule packs refused; the previous rules stay in force");
        }
        String dir = data.toString();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var listAlert = json.readTree(dev.mamori.cli.MainRun.out("alerts", "search", "--data-dir", dir, "--format", "jsonl",
                "path:*list.csv AND exit:outbox").strip());
        String listId = listAlert.path("event").path("id").asText();
        assertThat(dev.mamori.cli.Main.run("alerts", "ack", "--data-dir", dir, listId, "--note", "送付先を確認済み")).isZero();

        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        LocalDate today = LocalDate.now(tokyo);
        Path html = root.resolve("report.html");
        int exit = dev.mamori.cli.Main.run("report", "--data-dir", dir, "--from", today.minusDays(6).toString(),
                "--to", today.toString(), "--lang", "ja", "--zone", "Asia/Tokyo", "--isolation", "in_process",
                "--output", html.toString());
        assertThat(exit).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script src", "http://", "https://").contains("個人情報保護委員会", "@media print", "size:A4");

        Path log = root.resolve("chromium.log");
        String dom = run(browser(exe, root.resolve("profile"), "--virtual-time-budget=3000", "--dump-dom", html.toUri().toString()), log);
        // five personal-data alerts; the health alert is counted apart
        assertThat(dom).contains("id=\"card-total\"><b data-value=\"5\"", "id=\"card-health\"><b data-value=\"1\"",
                "id=\"card-reportable\"><b class=\"high\" data-value=\"1\"");
        assertThat(dom).contains("data-label=\"usb\" data-value=\"2\"", "data-label=\"outbox\" data-value=\"3\"",
                "data-label=\"" + today + "\" data-value=\"5\"");
        // the APPI section judges persons: the roster of 1,050 is reportable, the 1,200-row export of 30 is not
        assertThat(dom).containsPattern("<li data-judgement=\"REQUIRED\">[^<]*<b class=\"high\">報告が必要</b>[^<]*members.xlsx \\(USB, 1050 行, 1050 人: 1,000 人超\\)");
        assertThat(dom).containsPattern("<li data-judgement=\"NOT_MET\"><b>基準に該当せず</b>[^<]*export.csv \\(送信フォルダ, 1200 行, 30 人\\)");
        // every label in Japanese; type counts as lists; triage with who and when; the chain line
        String text = visibleText(dom);
        assertThat(text).contains("高", "USB", "送信フォルダ", "氏名 ", "電話番号 ", "暗号化されていて検査不能",
                "確認済 (" + System.getProperty("user.name") + ", " + today, "送付先を確認済み", "正常: ", "件の記録を検証",
                "エージェントの異常", "ルールパックを拒否（前のルールで動作中）", "rule packs refused", "Asia/Tokyo (UTC+09:00)",
                "判定に使ったルールパック（アラート件数）: common 2026.11.1 (5); jp-pii 2026.12.3 (5); policy 2026.12.1 (5)");
        assertThat(text).doesNotContain(" medium ", " outbox ", "escalate:", "OK, ", "PERSON_NAME");
        assertThat(text).doesNotContainPattern("\\{[^{}]*=[^{}]*\\}");
        // times in Tokyo, to the second: the alert's own instant shown as local time
        String local = Messages.timeFormat(tokyo).format(java.time.Instant.parse(listAlert.path("@timestamp").asText()));
        assertThat(text).contains(local).doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}Z");
        String console = Files.readString(log);
        assertThat(console.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")).toList()).isEmpty();
        for (String raw : corpus.planted()) {
            assertThat(page).doesNotContain(raw);
        }
        screenshot(exe, root.resolve("profile2"), html, "report-ja.png", log);

        Path en = root.resolve("report-en.html");
        assertThat(dev.mamori.cli.Main.run("report", "--data-dir", dir, "--from", today.minusDays(6).toString(),
                "--to", today.toString(), "--lang", "en", "--zone", "Asia/Tokyo", "--isolation", "in_process",
                "--output", en.toString())).isZero();
        String enText = visibleText(Files.readString(en));
        assertThat(enText).contains("report required", "criteria not met", "outbox", "acknowledged (", "intact: ",
                "no personal data found: encrypted").doesNotContainPattern("\\{[^{}]*=[^{}]*\\}");
        screenshot(exe, root.resolve("profile3"), en, "report-en.png", log);

        // the incident sheet for what left on the stick: persons counted across both files, deadlines, chain proof
        Path sheet = root.resolve("incident.html");
        assertThat(dev.mamori.cli.Main.run("report", "--data-dir", dir, "--incident", "exit:usb", "--lang", "ja",
                "--zone", "Asia/Tokyo", "--isolation", "in_process", "--output", sheet.toString())).isZero();
        String incident = visibleText(Files.readString(sheet));
        assertThat(incident).contains("報告が必要: 1,000 人超", "USB", "2 ", "氏名 ", "個人番号 2",
                today.plusDays(3) + " – " + today.plusDays(5), today.plusDays(30).toString(), today.plusDays(60).toString(),
                "正常: ", "上記の記録番号はすべてこのチェーンに含まれ").doesNotContainPattern("\\{[^{}]*=[^{}]*\\}");
        assertThat(incident).containsPattern("本人の数（重複を除く） +10[5-9][0-9] 人");
        for (String raw : corpus.planted()) {
            assertThat(incident).doesNotContain(raw);
        }
        screenshot(exe, root.resolve("profile4"), sheet, "incident-ja.png", log);

        Path small = root.resolve("incident-export.html");
        assertThat(dev.mamori.cli.Main.run("report", "--data-dir", dir, "--incident", "path:*export.csv", "--lang", "ja",
                "--zone", "Asia/Tokyo", "--isolation", "in_process", "--output", small.toString())).isZero();
        assertThat(visibleText(Files.readString(small))).contains("基準に該当せず", "30 人");
    }
}
