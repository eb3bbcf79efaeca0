package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.fleet.FleetAlerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inventory} and {@code verify} on a collector's store of three hosts: the fleet's file
 * register and each host's chain, narrowed by host or department.
 */
class FleetAuditTest {

    @TempDir
    Path dir;

    Path store;
    Path departments;
    static final String HEAD = "2:" + "ab".repeat(32);

    @BeforeEach
    void aCollectorsStore() throws Exception {
        store = dir.resolve("alerts");
        FleetAlerts.collectorStore(store, List.of(
                FleetAlerts.alert("pc-001", 1, "jp-pii 2026.11.1"),
                FleetAlerts.alert("pc-001", 2, "jp-pii 2026.11.1"),
                FleetAlerts.alert("pc-002", 1, "jp-pii 2026.11.1"),
                FleetAlerts.alert("pc-002", 3, "jp-pii 2026.11.1"), // number 2 never arrived
                FleetAlerts.alert("pc-101", 1, "jp-pii 2026.10.2")), Map.of("pc-001", HEAD));
        departments = FleetAlerts.departments(dir);
    }

    private ScanCommandTest.Run mamori(String... args) {
        return ScanCommandTest.mamoriOnStore(store, args);
    }

    @Test
    void theFleetRegisterListsEveryHostsFilesAndTheFiltersNarrowIt() {
        ScanCommandTest.Run all = mamori("inventory");
        assertThat(all.exit()).as(all.err()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.get(0)).contains("host,path,severity,records,types,last_scanned,state");
        assertThat(lines).hasSize(1 + 5); // every file of every host, health alerts left out
        assertThat(all.out()).contains("pc-001,/media/taro/USB/顧客リスト2.csv,high,25").doesNotContain("kafka:");

        ScanCommandTest.Run dev = mamori("inventory", "-f", "json", "--departments", departments.toString(), "--department", "開発部");
        assertThat(dev.exit()).as(dev.err()).isZero();
        assertThat(dev.out()).contains("\"host\" : \"pc-101\"").doesNotContain("pc-001", "pc-002");
    }

    @Test
    void aHostFilterWithoutACollectorsStoreIsAUsageError(@TempDir Path data) throws Exception {
        Path config = Files.writeString(data.resolve("mamori.yaml"), "data-dir: " + data + "\n");
        ScanCommandTest.Run run = ScanCommandTest.mamori("inventory", "--config", config.toString(), "--host", "pc-001");
        assertThat(run.exit()).isEqualTo(ExitCodes.FATAL);
    }

    @Test
    void verifyReportsEachChosenHostsChainAsTheCollectorCheckedIt() {
        ScanCommandTest.Run sales = mamori("verify", "--departments", departments.toString(), "--department", "営業部");
        assertThat(sales.out()).contains("OK: ", "(keyed chain)")
                .contains("OK host pc-001: 2 alert(s) received, last number 2", "chain head " + HEAD, "no finding")
                .contains("BROKEN host pc-002: 2 alert(s) received, last number 3", "1 finding(s)",
                        "alert sequence gap: 1 alert(s) after 1 never arrived");
        assertThat(sales.exit()).isEqualTo(ExitCodes.SENSITIVE);

        ScanCommandTest.Run clean = mamori("verify", "--host", "pc-001");
        assertThat(clean.exit()).as(clean.out()).isEqualTo(ExitCodes.CLEAN);
        assertThat(clean.out()).doesNotContain("pc-002");

        ScanCommandTest.Run unknown = mamori("verify", "--host", "pc-999");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.CANNOT_JUDGE);
        assertThat(unknown.out()).contains("host pc-999: UNKNOWN");
    }
}
