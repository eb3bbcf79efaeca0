package dev.mamori.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host → department file auditors keep beside the collector. */
class DepartmentsTest {

    @TempDir
    Path dir;

    @Test
    void readsAHeaderABomCommentsAndSpacesAndLeavesUnlistedHostsUnassigned() throws Exception {
        Path csv = Files.writeString(dir.resolve("departments.csv"), "\uFEFFhost,department\n# 2026-12 assignment\n"
                + "pc-001, 営業部\npc-002,営業部\n\npc-101,開発部\n", StandardCharsets.UTF_8);
        Departments d = Departments.read(csv);
        assertThat(d.of("pc-001")).isEqualTo("営業部");
        assertThat(d.of("pc-999")).isEqualTo(Departments.UNASSIGNED);
        assertThat(d.hostsIn("営業部")).containsExactly("pc-001", "pc-002");
        assertThat(d.names()).containsExactly("営業部", "開発部");
    }

    @Test
    void everyProblemIsNamedWithItsLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("departments.csv"), "pc-001,営業部\npc-002\npc-001,開発部\n,人事部\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Departments.read(csv)).hasMessageContainingAll(
                "departments.csv:2: expected 'host,department', not 'pc-002'",
                "departments.csv:3: host 'pc-001' is already in '営業部' (line 1)",
                "departments.csv:4: expected 'host,department'");
        Files.write(csv, "pc-001,\u0083\u00c4\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Departments.read(csv)).hasMessageContaining("not UTF-8");
    }
}
