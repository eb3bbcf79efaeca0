package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.AlertAction;
import dev.mamori.alert.ChainHash;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The page's shape at scale and the day cut in the report's zone (the agent-filled store is in {@link ReportIT}). */
class HtmlReportTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static Alert alert(int n, Instant time, String severity, Map<String, Integer> counts, String action, String exit) {
        return new Alert(n, "id-" + n, time, "pc-" + n % 200, "user" + n % 300, "/home/u/file-" + n + ".xlsx",
                ExitPointKind.parse(exit), "", 1000, Severity.parse(severity), counts, n % 60, List.of("090-****-" + (1000 + n % 9000)), List.of("jp-phone"),
                n % 100 == 0, AlertAction.parse(action), null, "t", List.of("jp-pii 3"));
    }

    private static ReportData data(List<Alert> found, LocalDate from, LocalDate to, String fullList) {
        ReportTally tally = ReportTally.of(found, from, to, TOKYO, HtmlReport.TABLE_LIMIT);
        return new ReportData(tally, Map.of(), tally.packs(),
                new ChainHash.Verification(true, found.size(), found.size() + ":ab", null), Map.of(),
                AppiAssessor.assess(tally.appiCandidates(), a -> Optional.empty(), null), fullList);
    }

    @Test
    void aHundredThousandAlertsMakeALightPageThatLinksTheFullList() {
        Instant start = LocalDate.of(2026, 11, 1).atStartOfDay(TOKYO).toInstant();
        List<Alert> found = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            found.add(alert(i, start.plusSeconds(i * 25L), i % 7 == 0 ? "high" : "medium",
                    Map.of("PHONE_NUMBER", 1 + i % 9, "PERSON_NAME", 1 + i % 5), "alert", i % 2 == 0 ? "usb" : "outbox"));
        }
        found.sort((a, b) -> b.time().compareTo(a.time()));
        ReportData d = data(found, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), "report-alerts.csv");
        String html = new HtmlReport(Messages.of("ja")).render(d);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
        assertThat(html).contains("重要度の高い順に 500 件を表示（全 100000 件）", "href=\"report-alerts.csv\"",
                "data-value=\"100000\"");
        String rows = html.substring(html.indexOf("<table id=\"alerts\">"), html.indexOf("</table>", html.indexOf("<table id=\"alerts\">")));
        assertThat(rows.split("<tr>").length - 2).isEqualTo(500); // minus the text before the first row and the header
        assertThat(rows).doesNotContain("<td>中</td>"); // more than 500 high alerts: the most severe are listed
        // the cases the agent flagged cannot be judged on persons without their files, and say so
        assertThat(d.cannotJudge()).isPositive();
        assertThat(html).contains("判断できません");
    }

    @Test
    void daysAreCutInTheReportsZoneAndHealthAlertsStandApart() {
        // 2026-12-01T15:30Z is 2026-12-02 00:30 in Tokyo
        Instant late = Instant.parse("2026-12-01T15:30:00Z");
        List<Alert> found = List.of(
                alert(1, late, "high", Map.of("PERSON_NAME", 3, "PHONE_NUMBER", 60), "alert", "usb"),
                alert(2, late.minusSeconds(3600), "medium", Map.of("PHONE_NUMBER", 1), "alert", "outbox"),
                alert(3, late.minusSeconds(60), "medium", Map.of(), "health", "agent"));
        ReportData d = data(found, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2), null);
        // id-2 is 2026-12-01 23:30 in Tokyo (14:30Z): another day; the health alert (00:29) is kept apart
        assertThat(d.listed()).extracting(Alert::id).containsExactly("id-1");
        assertThat(d.health()).extracting(Alert::id).containsExactly("id-3");
        ReportData wider = data(found, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), null);
        assertThat(wider.listed()).extracting(Alert::id).containsExactly("id-1", "id-2");
        assertThat(wider.health()).extracting(Alert::id).containsExactly("id-3");
        assertThat(wider.perDay()).containsEntry(LocalDate.of(2026, 12, 1), 1L).containsEntry(LocalDate.of(2026, 12, 2), 1L);
        assertThat(ReportData.typeList(found.get(0).counts(), Messages.of("ja"))).isEqualTo("電話番号 60, 氏名 3");
        assertThat(ReportData.typeList(found.get(0).counts(), Messages.of("en"))).isEqualTo("phone 60, name 3");
        String html = new HtmlReport(Messages.of("ja")).render(wider);
        assertThat(html).contains("<td>2026-12-02 00:30:00</td><td>高</td><td>USB</td>", "<td>電話番号 60, 氏名 3</td>");
    }

    @Test
    void theReportNamesThePacksEachAlertRecordsAndHealthProblemsInTheReadersLanguage() {
        Instant t = Instant.parse("2026-12-01T03:00:00Z");
        Alert company = new Alert(5, "id-5", t, "pc", "taro", "/media/taro/S/list.csv", ExitPointKind.USB, "ab", 10, Severity.HIGH,
                Map.of("EMPLOYEE_ID", 9), 9, List.of("E-****"), List.of("acme-employee-id"), false, AlertAction.ALERT, null, "t",
                List.of("acme 2026.12", "jp-pii 2026.11.1"));
        Alert older = alert(6, t.minusSeconds(10), "medium", Map.of("PHONE_NUMBER", 2), "alert", "outbox");
        Alert refused = new Alert(7, "id-7", t.plusSeconds(5), "pc", "taro", "rules", ExitPointKind.AGENT, "", 0, Severity.MEDIUM, Map.of(), 0,
                List.of("acme.yaml:4: unknown key 'patern'"), List.of("agent-health", "agent-health:rules-refused"), false,
                AlertAction.HEALTH, null, "t", List.of("jp-pii 2026.11.1"));
        ReportData d = data(List.of(refused, company, older), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), null);
        assertThat(d.rulePacks()).as("every pack and version, with the alerts it judged; health alerts apart")
                .containsExactly("acme 2026.12 (1)", "jp-pii 2026.11.1 (1)", "jp-pii 3 (1)");
        String ja = new HtmlReport(Messages.of("ja")).render(d);
        assertThat(ja).contains("判定に使ったルールパック（アラート件数）: acme 2026.12 (1); jp-pii 2026.11.1 (1); jp-pii 3 (1)",
                "<td>ルールパックを拒否（前のルールで動作中）</td><td>acme.yaml:4: unknown key &#39;patern&#39;</td>");
        String en = new HtmlReport(Messages.of("en")).render(d);
        assertThat(en).contains("rule packs refused (previous rules in force)");
    }
}
