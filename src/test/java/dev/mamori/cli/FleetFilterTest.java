package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.alert.AlertStore;
import dev.mamori.fleet.FleetAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --host}, {@code --department} and {@code --departments} on a collector's store of three hosts. */
class FleetFilterTest {

    @TempDir
    Path dir;

    Path store;
    Path departments;

    @BeforeEach
    void fillAStore() throws Exception {
        store = dir.resolve("alerts");
        try (AlertStore s = new AlertStore(store)) {
            for (String host : new String[] {"pc-001", "pc-002", "pc-101"}) {
                for (int n = 1; n <= (host.equals("pc-101") ? 1 : 2); n++) {
                    s.append(FleetAlerts.alert(host, n, "jp-pii 2026.11.1"));
                }
            }
        }
        departments = FleetAlerts.departments(dir);
    }

    private ScanCommandTest.Run mamori(String... args) {
        return ScanCommandTest.mamoriOnStore(store, args);
    }

    @Test
    void aDepartmentIsItsHostsAndAHostIsItself() {
        String sales = mamori("alerts", "search", "--departments", departments.toString(), "--department", "営業部").out();
        assertThat(sales).contains("pc-001", "pc-002", "4 alert(s)").doesNotContain("pc-101");
        String one = mamori("alerts", "search", "--host", "pc-101").out();
        assertThat(one).contains("pc-101", "1 alert(s)").doesNotContain("pc-001");
        String both = mamori("alerts", "search", "--departments", departments.toString(), "--department", "開発部",
                "--host", "pc-002").out();
        assertThat(both).contains("pc-101", "pc-002", "3 alert(s)").doesNotContain("pc-001");
    }

    @Test
    void aDepartmentNobodyIsInOrNoFileIsAClearUsageError() {
        ScanCommandTest.Run unknown = mamori("alerts", "search", "--departments", departments.toString(), "--department", "人事部");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no host is in department '人事部'", "営業部, 開発部");
        ScanCommandTest.Run noFile = mamori("alerts", "search", "--department", "営業部");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--department needs --departments FILE");
    }

    @Test
    void theReportOfARangeHasAHostAndDepartmentSectionAndTheFiltersNarrowIt() throws Exception {
        Path html = dir.resolve("report.html");
        ScanCommandTest.Run all = mamori("report", "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "ja",
                "--departments", departments.toString(), "-o", html.toString());
        assertThat(all.exit()).as(all.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("id=\"fleet-hosts\"", "端末と部署", "<td>pc-101</td><td>開発部</td><td>1</td>")
                .contains("<tr><td>営業部</td><td>2</td><td>4</td>");
        ScanCommandTest.Run sales = mamori("report", "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "en",
                "--departments", departments.toString(), "--department", "営業部", "-o", html.toString());
        assertThat(sales.exit()).as(sales.err()).isZero();
        assertThat(Files.readString(html)).contains("Hosts and departments", "<td>pc-001</td>").doesNotContain("<td>pc-101</td>");
    }

    @Test
    void theFleetReportAddsUpEachDepartment() {
        ScanCommandTest.Run fleet = mamori("report", "--fleet", "--departments", departments.toString());
        assertThat(fleet.exit()).as(fleet.err()).isZero();
        assertThat(fleet.out()).containsPattern("pc-001\\s+営業部\\s+2")
                .containsPattern("営業部\\s+2\\s+4\\s+")
                .containsPattern("開発部\\s+1\\s+1\\s+");
        ScanCommandTest.Run sales = mamori("report", "--fleet", "--departments", departments.toString(), "--department", "営業部",
                "-f", "json");
        assertThat(sales.out()).contains("\"department\" : \"営業部\"", "\"hosts\" : 2").doesNotContain("pc-101");
    }
}
