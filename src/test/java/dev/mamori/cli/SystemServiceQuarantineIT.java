package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.alert.AlertStore;
import dev.mamori.platform.ProcessUser;
import dev.mamori.testing.JsonlAlerts;
import dev.mamori.testing.MamoriProcess;
import dev.mamori.testing.RealisticCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system service quarantining a person's file with the rights {@code agent/systemd/quarantine.conf}
 * grants, and no more: a real agent JVM runs as a system account (not root) with exactly that
 * drop-in's capabilities (through {@code setpriv}); the file belongs to another user, in a folder
 * only they may write. Root then restores it: owner and mode come back, the decision goes to
 * the agent's trail through its inbox, and the agent leaves the file where it is. Needs root (CI
 * runs as root) and util-linux's {@code setpriv}.
 */
class SystemServiceQuarantineIT {

    static final int SERVICE_UID = 997; // a system account, as the .deb's mamori is
    static final int PERSON_UID = 4242;

    @TempDir
    Path root;

    @Test
    void theServiceQuarantinesAPersonsFileWithTheDropInsRightsAndRootRestoresIt() throws Exception {
        assumeTrue(ProcessUser.current().isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv (CI has both)");
        Path stick = Files.createDirectories(root.resolve("media/alice/STICK"));
        Path list = Files.copy(RealisticCorpus.writeTo(root.resolve("corpus")).root().resolve("顧客リスト_202611.csv"),
                stick.resolve("顧客リスト.csv"));
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-r-----"));
        for (Path p : List.of(root.resolve("media/alice"), stick, list)) {
            Files.setAttribute(p, "unix:uid", PERSON_UID);
            Files.setAttribute(p, "unix:gid", PERSON_UID);
        }
        Files.setPosixFilePermissions(stick, PosixFilePermissions.fromString("rwxr-xr-x")); // only alice writes here
        Path data = Files.createDirectory(root.resolve("data"));
        Files.setAttribute(data, "unix:uid", SERVICE_UID);
        Files.setAttribute(data, "unix:gid", SERVICE_UID);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path config = Files.writeString(root.resolve("mamori.yaml"), """
                data-dir: %s
                watch: {outboxes: ['%s'], removable-media: false, cloud-sync: false, debounce-ms: 200}
                scan: {isolation: in_process}
                alerts: {jsonl: '%s'}
                actions: {quarantine-min-severity: high}
                """.formatted(data, stick, data.resolve("alerts.jsonl")));

        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + SERVICE_UID, "--regid=" + SERVICE_UID,
                "--clear-groups", "--inh-caps=" + dropInCapabilities(), "--ambient-caps=" + dropInCapabilities()));
        command.addAll(MamoriProcess.builder("agent", "--config", config.toString()).command());
        command.add(command.indexOf("-cp"), "-XX:-UsePerfData");
        ProcessBuilder service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("agent.out").toFile());
        service.environment().put("MAMORI_LOG_DIR", data.resolve("log").toString());
        Process agent = service.start();
        try {
            JsonNode quarantined = JsonlAlerts.awaitOne(data.resolve("alerts.jsonl"),
                    a -> a.path("mamori").path("action").asText().equals("quarantine"), "the quarantine", Duration.ofSeconds(90));
            assertThat(list).doesNotExist();
            Path note = stick.resolve("顧客リスト.csv.mamori-quarantine.txt");
            assertThat(note).exists();
            String id = quarantined.path("mamori").path("quarantine_id").asText();
            Path box = data.resolve("quarantine").resolve(id);
            assertThat(Files.getAttribute(data.resolve("quarantine"), "unix:uid")).isEqualTo(SERVICE_UID);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("quarantine")))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(box.resolve("file")))).isEqualTo("rw-------");
            assertThat(quarantined.path("user").path("name").asText()).as("the file's owner").isEqualTo(Integer.toString(PERSON_UID));

            ScanCommandTest.Run restore = ScanCommandTest.mamori("quarantine", "restore", "-c", config.toString(), id,
                    "--note", "ticket 4711");
            assertThat(restore.exit()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("handed to the agent");
            assertThat(Files.getAttribute(list, "unix:uid")).as("owner put back").isEqualTo(PERSON_UID);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(list))).isEqualTo("rw-r-----");
            assertThat(note).doesNotExist();

            String alertId = quarantined.path("event").path("id").asText();
            await("the restore in the service's trail").atMost(Duration.ofSeconds(30))
                    .until(() -> AlertStore.triageState(data.resolve("alerts")).containsKey(alertId));
            assertThat(AlertStore.triageState(data.resolve("alerts")).get(alertId).by()).isEqualTo("root");
            JsonlAlerts.awaitOne(data.resolve("alerts.jsonl"), a -> a.path("mamori").path("action").asText().equals("alert"),
                    "the alert on the restored file", Duration.ofSeconds(30));
            assertThat(list).as("left where it is").exists();
            assertThat(agent.isAlive()).as("the agent still runs").isTrue();
        } finally {
            agent.destroy();
            agent.waitFor();
            Path log = data.resolve("log/mamori.log");
            System.out.println("agent output:\n" + Files.readString(root.resolve("agent.out"))
                    + "\nagent log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
        }
    }

    /** The capabilities the shipped drop-in gives the service, in setpriv's form ({@code +dac_override,...}). */
    static String dropInCapabilities() throws Exception {
        String line = Files.readAllLines(Path.of("agent/systemd/quarantine.conf")).stream()
                .filter(l -> l.startsWith("AmbientCapabilities=")).findFirst().orElseThrow();
        return Arrays.stream(line.substring(line.indexOf('=') + 1).trim().split("\\s+"))
                .map(c -> "+" + c.toLowerCase(Locale.ROOT).replace("cap_", "")).collect(Collectors.joining(","));
    }
}
