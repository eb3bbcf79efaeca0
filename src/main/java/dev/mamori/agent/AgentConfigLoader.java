package dev.mamori.agent;

import dev.mamori.config.ConfigProblem;
import dev.mamori.config.YamlMap;
import dev.mamori.config.YamlText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the agent config: nested YAML mappings whose dotted paths must be keys declared in
 * {@link Settings}. Every problem is reported as {@code file:line:col: message}; any problem
 * refuses the whole file. Webhook header values are read here, from their file or environment
 * variable; no message ever quotes one.
 */
public final class AgentConfigLoader {

    private final Path home;
    private final Function<String, String> environment;
    private final boolean secrets;

    /** A loader that checks how secrets are declared but does not read them (every command but the agent). */
    public AgentConfigLoader(Path home) {
        this(home, System::getenv, false);
    }

    private AgentConfigLoader(Path home, Function<String, String> environment, boolean secrets) {
        this.home = home;
        this.environment = environment;
        this.secrets = secrets;
    }

    /**
     * The same loader, reading secrets too (the webhook's header values), from files and from
     * {@code environment}, which stands for {@link System#getenv(String)}. What the agent uses:
     * a secret that cannot be read refuses the config.
     */
    public AgentConfigLoader readingSecrets(Function<String, String> environment) {
        return new AgentConfigLoader(home, environment, true);
    }

    /** The config in {@code file}; absent keys take their declared defaults. */
    public AgentConfig load(Path file) throws AgentConfigException, IOException {
        return load(file, file.toAbsolutePath().getParent());
    }

    /** The same, with relative paths resolved against {@code folder} (a kept copy's original folder). */
    AgentConfig load(Path file, Path folder) throws AgentConfigException, IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> values = defaults();
        String name = file.toString();
        Map<String, Mark> where = new HashMap<>();
        YamlText.parse(file, problems).ifPresent(root -> read(YamlMap.of(name, root, problems, "agent config"), "", values,
                where, folder));
        String webhookProblem = WebhookCheck.urlProblem((String) values.get("alerts.webhook.url"),
                (Boolean) values.get("alerts.webhook.allow-plain-http"));
        if (webhookProblem != null) {
            problems.add(YamlMap.at(name, where.get("alerts.webhook.url"), webhookProblem));
        }
        if (!problems.isEmpty()) {
            throw new AgentConfigException(problems);
        }
        return AgentConfig.from(file, folder, values, home);
    }

    /** The config with every key at its default (no file). */
    public AgentConfig defaultsOnly() {
        return AgentConfig.from(null, null, defaults(), home);
    }

    static Map<String, Object> defaults() {
        Map<String, Object> values = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> values.put(s.key(), s.defaultValue()));
        return values;
    }

    private void read(YamlMap map, String prefix, Map<String, Object> values, Map<String, Mark> where, Path folder) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Settings.Setting s : Settings.ALL) {
            if (s.key().startsWith(prefix)) {
                String rest = s.key().substring(prefix.length());
                allowed.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        map.allowOnly(allowed, prefix.isEmpty() ? "agent config" : "'" + prefix.substring(0, prefix.length() - 1) + "'");
        for (String key : map.keys()) {
            String full = prefix + key;
            Settings.Setting setting = Settings.BY_KEY.get(full);
            if (setting != null) {
                Object v = setting.type() == Settings.Type.HEADERS
                        ? WebhookCheck.headers(map, key, secrets ? environment : null, p -> AgentConfig.path(p, home, folder))
                        : value(map, key, setting);
                where.put(full, map.node(key).getStartMark());
                if (v != null) {
                    values.put(full, v);
                }
            } else if (allowed.contains(key)) {
                Node child = map.node(key);
                if (child instanceof MappingNode) {
                    read(map.map(key), full + ".", values, where, folder);
                } else {
                    map.problem(key, "'" + full + "' is a section: write its keys under it");
                }
            }
        }
        if (prefix.equals("alerts.syslog.")) {
            checkSyslogCa(map, values);
        }
        if (prefix.equals("rules.bundle.") && map.keys().contains("url") && !((String) values.get("rules.bundle.url")).isBlank()
                && ((String) values.get("rules.bundle.public-key")).isBlank()) {
            map.problem("url", "'rules.bundle.url' needs 'rules.bundle.public-key': a bundle is used only when it is "
                    + "signed with the organisation's key");
        }
    }

    /** A syslog CA that cannot be used is the config's problem, found now rather than at the first alert. */
    private void checkSyslogCa(YamlMap map, Map<String, Object> values) {
        String ca = (String) values.get("alerts.syslog.ca");
        if (ca == null || ca.isBlank() || !map.keys().contains("ca")) {
            return;
        }
        if (!"tls".equals(values.get("alerts.syslog.protocol"))) {
            map.problem("ca", "'alerts.syslog.ca' is used only with 'protocol: tls'");
            return;
        }
        try {
            dev.mamori.platform.TrustedCa.trusting(AgentConfig.path(ca, home, home));
        } catch (java.io.IOException e) {
            map.problem("ca", "'alerts.syslog.ca': " + e.getMessage());
        }
    }

    /** Why a bundle URL cannot be used (the URL itself is not repeated: it may hold a token). */
    private static java.util.Optional<String> bundleUrlProblem(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return java.util.Optional.of("must be an https:// URL with a host (bundles are fetched over TLS only)");
            }
            return java.util.Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.of("not a valid URL (" + e.getReason() + ")");
        }
    }

    private static Object value(YamlMap map, String key, Settings.Setting s) {
        String what = "'" + s.key() + "'";
        switch (s.type()) {
            case INT:
                return map.integer(key, (Integer) s.defaultValue(), (int) s.min(), (int) s.max());
            case BOOL:
                return map.bool(key, (Boolean) s.defaultValue());
            case LIST: {
                List<String> items = map.strings(key);
                for (String item : items) {
                    if (!s.choices().isEmpty() && !s.choices().contains(item)) {
                        map.problem(key, what + ": unknown value '" + item + "' (one of " + String.join(", ", s.choices()) + ")");
                    }
                }
                return List.copyOf(items);
            }
            case CHOICE: {
                String v = map.string(key, (String) s.defaultValue());
                if (!s.choices().contains(v)) {
                    map.problem(key, what + " must be one of " + String.join(", ", s.choices()) + ", not '" + v + "'");
                }
                return v;
            }
            default: {
                String v = map.string(key, (String) s.defaultValue());
                if (s.key().equals("rules.bundle.url") && v != null && !v.isBlank()) {
                    bundleUrlProblem(v).ifPresent(problem -> map.problem(key, what + ": " + problem));
                }
                return v;
            }
        }
    }
}
