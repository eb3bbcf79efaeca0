package dev.mamori.agent;

import dev.mamori.alert.WebhookHeader;
import dev.mamori.platform.ExitPointKind;
import dev.mamori.verdict.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's configuration, validated and typed. Built by {@link AgentConfigLoader} from the
 * values of {@link Settings}; paths are absolute (~ expanded, relative ones under the data dir
 * or the config file's folder as documented).
 */
public record AgentConfig(Path source, Path dataDir, Watch watch, Scan scan, List<Path> extraRules, Actions actions,
                          Alerts alerts, Bundle bundle) {

    /**
     * The organisation's signed rule bundle; null when off.
     *
     * @param url       https source
     * @param publicKey the key bundles must be signed with
     * @param ca        the CA the server must chain to, or null for the JDK's trust store
     * @param every     how often the url is checked
     * @param dir       where verified bundles are installed (in the data dir)
     */
    public record Bundle(java.net.URI url, Path publicKey, Path ca, Duration every, Path dir) {
    }

    /** The same config with other custom packs (the kept copies of {@link LastGood}). */
    public AgentConfig withExtraRules(List<Path> packs) {
        return new AgentConfig(source, dataDir, watch, scan, List.copyOf(packs), actions, alerts, bundle);
    }

    /** What to watch. */
    public record Watch(List<Path> paths, boolean removableMedia, boolean cloudSync, List<Path> outboxes,
                        Duration debounce, Duration rescanEvery, List<Path> mountParents) {
    }

    /** How to scan. */
    public record Scan(int workers, int queueSize, long maxFileBytes, Duration pause, boolean isolated, int workerHeapMb,
                       Duration timeout, Duration idle) {
    }

    /**
     * What to do with a verdict. {@code quarantineMin} null means never quarantine.
     */
    public record Actions(Severity alertMin, Severity quarantineMin, Set<ExitPointKind> quarantineExitPoints,
                          boolean notifyDesktop) {
    }

    /**
     * Where alerts go. A null path/host/url/kafka means that sink is off. The webhook's headers hold
     * secrets; their {@code toString} does not show them.
     */
    public record Alerts(Path jsonl, String syslogHost, int syslogPort, dev.mamori.alert.SyslogSink.Transport syslogTransport,
                         Path syslogCa, int syslogEnterpriseNumber,
                         String webhookUrl, Duration webhookTimeout, List<WebhookHeader> webhookHeaders, boolean maskFileNames,
                         int spoolMax, Duration retry, dev.mamori.fleet.KafkaOptions kafka) {

        /**
         * The configured syslog receiver, reached as {@code hostname}; null when syslog is off.
         *
         * @throws IOException when the TLS CA file cannot be read or holds no certificate
         */
        public dev.mamori.alert.SyslogSink syslogSink(String hostname) throws java.io.IOException {
            if (syslogHost == null) {
                return null;
            }
            javax.net.ssl.SSLContext tls = null;
            if (syslogTransport == dev.mamori.alert.SyslogSink.Transport.TLS) {
                try {
                    tls = syslogCa != null ? dev.mamori.platform.TrustedCa.trusting(syslogCa) : javax.net.ssl.SSLContext.getDefault();
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new java.io.IOException("no TLS in this Java: " + e.getMessage(), e);
                }
            }
            return new dev.mamori.alert.SyslogSink(syslogHost, syslogPort, syslogTransport, tls, hostname, syslogEnterpriseNumber);
        }
    }

    /** Builds the typed config from validated values (one per declared key). */
    static AgentConfig from(Path source, Path folder, Map<String, Object> v, Path home) {
        Path dataDir = path(v.get("data-dir"), home, folder == null ? Path.of("") : folder);
        Watch watch = new Watch(paths(v.get("watch.paths"), home), (Boolean) v.get("watch.removable-media"),
                (Boolean) v.get("watch.cloud-sync"), paths(v.get("watch.outboxes"), home),
                Duration.ofMillis((Integer) v.get("watch.debounce-ms")),
                Duration.ofHours((Integer) v.get("watch.rescan-hours")), paths(v.get("watch.mount-parents"), home));
        Scan scan = new Scan((Integer) v.get("scan.workers"), (Integer) v.get("scan.queue-size"),
                (Integer) v.get("scan.max-file-mb") * 1024L * 1024L, Duration.ofMillis((Integer) v.get("scan.pause-ms")),
                "process".equals(v.get("scan.isolation")), (Integer) v.get("scan.worker-heap-mb"),
                Duration.ofSeconds((Integer) v.get("scan.timeout-seconds")),
                Duration.ofSeconds((Integer) v.get("scan.idle-seconds")));
        String q = (String) v.get("actions.quarantine-min-severity");
        Actions actions = new Actions(Severity.parse((String) v.get("actions.alert-min-severity")),
                "never".equals(q) ? null : Severity.parse(q),
                strings(v.get("actions.quarantine-exit-points")).stream().map(ExitPointKind::parse)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()), (Boolean) v.get("actions.notify-desktop"));
        String jsonl = (String) v.get("alerts.jsonl");
        String host = (String) v.get("alerts.syslog.host");
        String url = (String) v.get("alerts.webhook.url");
        Alerts alerts = new Alerts(jsonl.isBlank() ? null : path(jsonl, home, dataDir), host.isBlank() ? null : host,
                (Integer) v.get("alerts.syslog.port"),
                dev.mamori.alert.SyslogSink.Transport.valueOf(((String) v.get("alerts.syslog.protocol")).toUpperCase(java.util.Locale.ROOT)),
                ((String) v.get("alerts.syslog.ca")).isBlank() ? null : path(v.get("alerts.syslog.ca"), home, home),
                (Integer) v.get("alerts.syslog.enterprise-number"), url.isBlank() ? null : url, Duration.ofMillis((Integer) v.get("alerts.webhook.timeout-ms")),
                List.copyOf(((Map<?, ?>) v.get("alerts.webhook.headers")).values().stream()
                        .map(WebhookHeader.class::cast).toList()),
                (Boolean) v.get("alerts.mask-file-names"), (Integer) v.get("alerts.spool-max"),
                Duration.ofSeconds((Integer) v.get("alerts.retry-seconds")), kafka(v, home, dataDir));
        String bundleUrl = (String) v.get("rules.bundle.url");
        String ca = (String) v.get("rules.bundle.ca");
        Bundle bundle = bundleUrl.isBlank() ? null : new Bundle(java.net.URI.create(bundleUrl),
                path(v.get("rules.bundle.public-key"), home, home), ca.isBlank() ? null : path(ca, home, home),
                Duration.ofMinutes((Integer) v.get("rules.bundle.check-minutes")), dataDir.resolve("rules-bundle"));
        return new AgentConfig(source, dataDir, watch, scan, paths(v.get("rules.add"), home), actions, alerts, bundle);
    }

    private static dev.mamori.fleet.KafkaOptions kafka(Map<String, Object> v, Path home, Path dataDir) {
        String bootstrap = (String) v.get("alerts.kafka.bootstrap");
        if (bootstrap.isBlank()) {
            return null;
        }
        String truststore = (String) v.get("alerts.kafka.ssl-truststore");
        String passwordFile = (String) v.get("alerts.kafka.sasl-password-file");
        return new dev.mamori.fleet.KafkaOptions(bootstrap, (String) v.get("alerts.kafka.topic"),
                (String) v.get("alerts.kafka.security-protocol"), truststore.isBlank() ? null : path(truststore, home, dataDir),
                (String) v.get("alerts.kafka.sasl-mechanism"), (String) v.get("alerts.kafka.sasl-username"),
                passwordFile.isBlank() ? null : path(passwordFile, home, dataDir),
                Duration.ofMillis((Integer) v.get("alerts.kafka.timeout-ms")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }

    private static List<Path> paths(Object o, Path home) {
        return strings(o).stream().map(s -> path(s, home, home)).toList();
    }

    /** Expands {@code ~}; resolves a relative path against {@code base}. */
    static Path path(Object value, Path home, Path base) {
        String s = (String) value;
        Path p;
        if (s.equals("~")) {
            p = home;
        } else if (s.startsWith("~/") || s.startsWith("~\\")) {
            p = home.resolve(s.substring(2));
        } else {
            p = Path.of(s);
        }
        return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    }
}
