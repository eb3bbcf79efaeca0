package dev.mamori.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every key of the agent config, declared once: dotted name, type, default and description.
 * The loader accepts exactly these keys; the bundled {@code agent/mamori.yaml} is tested against
 * this table, so the documented defaults cannot drift from the real ones.
 */
public final class Settings {

    /** Value types a setting can have. */
    public enum Type { STRING, PATH, INT, BOOL, LIST, CHOICE, HEADERS }

    /**
     * @param key         dotted name, e.g. {@code scan.workers}
     * @param type        value type
     * @param defaultValue the default (a String, Integer, Boolean or List of String)
     * @param min         smallest allowed INT
     * @param max         largest allowed INT
     * @param choices     allowed values of a CHOICE (or of each LIST item when not empty)
     * @param description one line for the documented config
     */
    public record Setting(String key, Type type, Object defaultValue, long min, long max, List<String> choices,
                          String description) {
    }

    private static Setting string(String key, String dflt, String description) {
        return new Setting(key, Type.STRING, dflt, 0, 0, List.of(), description);
    }

    private static Setting path(String key, String dflt, String description) {
        return new Setting(key, Type.PATH, dflt, 0, 0, List.of(), description);
    }

    private static Setting integer(String key, int dflt, int min, int max, String description) {
        return new Setting(key, Type.INT, dflt, min, max, List.of(), description);
    }

    private static Setting bool(String key, boolean dflt, String description) {
        return new Setting(key, Type.BOOL, dflt, 0, 0, List.of(), description);
    }

    private static Setting list(String key, List<String> dflt, List<String> choices, String description) {
        return new Setting(key, Type.LIST, dflt, 0, 0, choices, description);
    }

    /** A mapping of HTTP header name to where its secret value is read ({@code value-file} or {@code value-env}). */
    private static Setting headers(String key, String description) {
        return new Setting(key, Type.HEADERS, Map.of(), 0, 0, List.of(), description);
    }

    private static Setting choice(String key, String dflt, List<String> choices, String description) {
        return new Setting(key, Type.CHOICE, dflt, 0, 0, choices, description);
    }

    /** The exit-point kinds a config may name: every place kind (the agent itself is not one). */
    static final List<String> EXIT_POINTS = java.util.Arrays.stream(dev.mamori.platform.ExitPointKind.values())
            .filter(k -> k != dev.mamori.platform.ExitPointKind.AGENT).map(dev.mamori.platform.ExitPointKind::label).toList();
    static final List<String> SEVERITIES = List.of("none", "low", "medium", "high");

    public static final List<Setting> ALL = List.of(
            path("data-dir", "~/.mamori", "state index, alert store, spool cursors and quarantine live here"),
            list("watch.paths", List.of(), List.of(), "folders watched recursively besides the exit points"),
            bool("watch.removable-media", true, "watch USB sticks and other removable media as they are mounted"),
            list("watch.mount-parents", List.of(), List.of(), "folders whose mounts are removable media too, besides "
                    + "/media/<user> and /run/media/<user> (network file systems never are)"),
            bool("watch.cloud-sync", true, "watch OneDrive, Dropbox, Google Drive, Box and iCloud Drive folders in the home"),
            list("watch.outboxes", List.of(), List.of(), "outgoing-mail or upload folders, watched as exit points"),
            integer("watch.debounce-ms", 300, 0, 600_000, "a file is scanned once it has stopped changing for this long"),
            integer("watch.rescan-hours", 24, 0, 10_000, "full rescan of every watched place (0: only at start)"),
            integer("scan.workers", 1, 1, 64, "files scanned at once"),
            integer("scan.queue-size", 10_000, 1, 10_000_000, "files waiting to be scanned; a full queue pauses discovery"),
            integer("scan.max-file-mb", 100, 1, 100_000, "files are read up to this; the rest makes a larger file uninspectable"),
            integer("scan.pause-ms", 0, 0, 60_000, "CPU budget: pause between files"),
            choice("scan.isolation", "process", List.of("process", "in_process"), "parse in worker processes or in the agent"),
            integer("scan.worker-heap-mb", 512, 64, 65_536, "heap of each parsing worker"),
            integer("scan.timeout-seconds", 60, 1, 86_400, "wall time per file"),
            integer("scan.idle-seconds", 60, 1, 86_400, "after this long without a file the parsing worker stops (the next "
                    + "file starts one) and the agent hands its spare heap back to the system"),
            list("rules.add", List.of(), List.of(), "rule pack files or folders added to the bundled packs"),
            string("rules.bundle.url", "", "https URL of the organisation's signed rule bundle, fetched on a schedule (empty: off)"),
            path("rules.bundle.public-key", "", "Ed25519 public key (PEM) every bundle must be signed with (required with a url)"),
            path("rules.bundle.ca", "", "CA certificate (PEM) the bundle server must chain to (empty: the JDK's trust store)"),
            integer("rules.bundle.check-minutes", 60, 1, 10_080, "how often the bundle url is checked (and once at start)"),
            choice("actions.alert-min-severity", "low", SEVERITIES.subList(1, 4), "files at this severity or above raise an alert"),
            choice("actions.quarantine-min-severity", "never", List.of("never", "low", "medium", "high"),
                    "files at this severity or above are quarantined (never: alert only)"),
            list("actions.quarantine-exit-points", List.of("usb", "cloud-sync", "outbox"), EXIT_POINTS,
                    "quarantine only files found in these kinds of place"),
            bool("actions.notify-desktop", false, "show a desktop notification to the logged-in user"),
            path("alerts.jsonl", "alerts.jsonl", "alerts as JSON Lines in ECS field names (relative to data-dir; empty: off)"),
            string("alerts.syslog.host", "", "syslog receiver (empty: off)"),
            integer("alerts.syslog.port", 514, 1, 65_535, "syslog port"),
            choice("alerts.syslog.protocol", "udp", List.of("udp", "tcp", "tls"),
                    "syslog transport (RFC 5424 messages); tls is RFC 5425, usually port 6514"),
            path("alerts.syslog.ca", "", "for tls: CA certificate (PEM) the receiver's certificate must chain to "
                    + "(empty: the JDK's trust store); its name must match the host"),
            integer("alerts.syslog.enterprise-number", 0, 0, Integer.MAX_VALUE,
                    "your organisation's IANA private enterprise number: adds [mamori@<number> id= severity= ...] "
                            + "to each message (0: only the registered origin and meta SD-IDs)"),
            string("alerts.webhook.url", "", "https:// endpoint that receives each alert as a JSON POST (empty: off)"),
            integer("alerts.webhook.timeout-ms", 5_000, 100, 600_000, "webhook request timeout"),
            bool("alerts.webhook.allow-plain-http", false,
                    "accept an http:// url, over which alerts and header values cross the network unencrypted"),
            headers("alerts.webhook.headers", "request headers whose values are read from a file or the environment, never "
                    + "logged or shown: {Authorization: {value-file: /etc/mamori/token}} or {X-Api-Key: {value-env: MAMORI_TOKEN}}"),
            bool("alerts.mask-file-names", false, "syslog and webhook alerts carry the path masked (/m****/顧*****.csv: each "
                    + "name to its first character, extensions kept); the alert store and alerts.jsonl keep it"),
            string("alerts.kafka.bootstrap", "", "Kafka brokers (host:port, comma-separated) that receive the alerts, keyed by host (empty: off)"),
            string("alerts.kafka.topic", "mamori-alerts", "Kafka topic of the alerts"),
            choice("alerts.kafka.security-protocol", "PLAINTEXT", dev.mamori.fleet.KafkaOptions.PROTOCOLS, "Kafka connection security"),
            path("alerts.kafka.ssl-truststore", "", "CA certificates for TLS to Kafka, PEM or PKCS12 (empty: the JDK's)"),
            choice("alerts.kafka.sasl-mechanism", "PLAIN", dev.mamori.fleet.KafkaOptions.MECHANISMS, "SASL mechanism with the SASL protocols"),
            string("alerts.kafka.sasl-username", "", "SASL user name"),
            path("alerts.kafka.sasl-password-file", "", "file holding the SASL password (never logged)"),
            integer("alerts.kafka.timeout-ms", 30_000, 1_000, 600_000, "a batch not acknowledged within this is retried later"),
            integer("alerts.spool-max", 100_000, 1, 100_000_000, "undelivered alerts kept per sink; beyond it the sink is reported as full"),
            integer("alerts.retry-seconds", 30, 1, 86_400, "delay before retrying a sink that is down"));

    static final Map<String, Setting> BY_KEY = ALL.stream().collect(Collectors.toMap(Setting::key, Function.identity()));

    private Settings() {
    }

    public static Optional<Setting> get(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The documented default config: every key at its default, each with its description. */
    public static String documentedDefaults() {
        StringBuilder b = new StringBuilder();
        b.append("# Mamori agent configuration. Every key is shown with its default value; delete what you\n")
                .append("# do not change. Unknown keys are errors. Paths may start with ~ (the home folder).\n");
        List<String> open = List.of();
        for (Setting s : ALL) {
            List<String> parts = List.of(s.key().split("\\."));
            List<String> sections = parts.subList(0, parts.size() - 1);
            int common = 0;
            while (common < Math.min(open.size(), sections.size()) && open.get(common).equals(sections.get(common))) {
                common++;
            }
            for (int i = common; i < sections.size(); i++) {
                b.append('\n').append("  ".repeat(i)).append(sections.get(i)).append(":\n");
            }
            boolean closedSection = common < open.size() && common == sections.size();
            open = sections;
            String indent = "  ".repeat(sections.size());
            if (sections.isEmpty() && common == 0 || closedSection) {
                b.append('\n');
            }
            b.append(indent).append("# ").append(s.description());
            if (!s.choices().isEmpty()) {
                b.append(" (").append(String.join(", ", s.choices())).append(')');
            }
            b.append('\n').append(indent).append(parts.get(parts.size() - 1)).append(": ")
                    .append(yaml(s.defaultValue())).append('\n');
        }
        return b.toString();
    }

    private static String yaml(Object value) {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return "{}";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Settings::yaml).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String s) {
            return s.isEmpty() || s.startsWith("~") ? "'" + s + "'" : s;
        }
        return String.valueOf(value);
    }
}
