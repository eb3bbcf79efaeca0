package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.Alert;
import dev.mamori.alert.ChainHash;
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
        return new Alert(n, "id-" + n, time, "pc-" + n % 200, "user" + n % 300, "/home/u/file-" + n + ".xlsx", exit,
                "", 1000, severity, counts, n % 60, List.of("090-****-" + (1000 + n % 9000)), List.of("jp-phone"),
                n % 100 == 0, action, null, "t");
    }

    private static ReportData data(List<Alert> found, LocalDate from, LocalDate to, String fullList) {
        List<List<Alert>> split = ReportData.split(found, from, to, TOKYO);
        return new ReportData(from, to, TOKYO, split.get(0), split.get(1), Map.of(), List.of("test 1"),
                new ChainHash.Verification(true, found.size(), found.size() + ":ab", null), Map.of(),
                AppiAssessor.assess(split.get(0), a -> Optional.empty(), null), fullList);
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
        assertThat(d.alerts()).extracting(Alert::id).containsExactly("id-1");
        assertThat(d.health()).extracting(Alert::id).containsExactly("id-3");
        ReportData wider = data(found, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), null);
        assertThat(wider.alerts()).extracting(Alert::id).containsExactly("id-1", "id-2");
        assertThat(wider.health()).extracting(Alert::id).containsExactly("id-3");
        assertThat(wider.perDay()).containsEntry(LocalDate.of(2026, 12, 1), 1L).containsEntry(LocalDate.of(2026, 12, 2), 1L);
        assertThat(ReportData.typeList(found.get(0).counts(), Messages.of("ja"))).isEqualTo("電話番号 60, 氏名 3");
        assertThat(ReportData.typeList(found.get(0).counts(), Messages.of("en"))).isEqualTo("phone 60, name 3");
        String html = new HtmlReport(Messages.of("ja")).render(wider);
        assertThat(html).contains("<td>2026-12-02 00:30:00</td><td>高</td><td>USB</td>", "<td>電話番号 60, 氏名 3</td>");
    }
}
