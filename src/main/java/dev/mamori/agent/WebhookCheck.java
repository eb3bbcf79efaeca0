package dev.mamori.agent;

import dev.mamori.alert.WebhookHeader;
import dev.mamori.config.YamlMap;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The webhook's part of the agent config: the URL must be {@code https://} unless plain HTTP is
 * explicitly allowed, and each header's value is read from a file or an environment variable.
 * Messages name the header, the file or the variable, never the value (nor the URL, which may
 * hold a token of its own).
 */
final class WebhookCheck {

    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Set by the HTTP client or by the sink itself (java.net.http refuses the first five). */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "content-type", "user-agent");

    private WebhookCheck() {
    }

    /** Why {@code url} is refused, or null when it is fine (or empty: webhook off). */
    static String urlProblem(String url, boolean allowPlainHttp) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'alerts.webhook.url' is not a valid URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "'alerts.webhook.url' must start with https://";
        }
        if (uri.getHost() == null) {
            return "'alerts.webhook.url' has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "'alerts.webhook.url' holds credentials: send them in a header read from a file "
                    + "('alerts.webhook.headers'), where they are neither logged nor shown";
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            return "'alerts.webhook.url' is plain http://: alerts (file names, users, masked samples) and header "
                    + "values would cross the network unencrypted. Use https://, or set "
                    + "'alerts.webhook.allow-plain-http: true' for a receiver on a network you trust";
        }
        return null;
    }

    /**
     * The headers under {@code key}, name to header, in file order; problems go to {@code map}.
     * {@code resolve} turns a {@code value-file} as written into a path. With a null
     * {@code environment} the values are not read (the headers hold null values).
     */
    static Map<String, WebhookHeader> headers(YamlMap map, String key, Function<String, String> environment,
                                              Function<String, Path> resolve) {
        Map<String, WebhookHeader> out = new LinkedHashMap<>();
        if (!(map.node(key) instanceof MappingNode)) {
            map.problem(key, "'alerts.webhook.headers' must be a mapping: NAME: {value-file: FILE} or NAME: {value-env: VARIABLE}");
            return out;
        }
        YamlMap headers = map.map(key);
        for (String name : headers.keys()) {
            String what = "'alerts.webhook.headers': header '" + name + "'";
            if (!HEADER_NAME.matcher(name).matches()) {
                headers.problem(name, what + ": not a valid header name");
                continue;
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.problem(name, what + ": set by Mamori or the HTTP client, it cannot be configured");
                continue;
            }
            if (!(headers.node(name) instanceof MappingNode)) {
                headers.problem(name, what + ": write {value-file: FILE} or {value-env: VARIABLE}; a value written in "
                        + "the config would be readable by whoever reads the config");
                continue;
            }
            YamlMap from = headers.map(name);
            from.allowOnly(List.of("value-file", "value-env"), what);
            if (from.has("value-file") == from.has("value-env")) {
                headers.problem(name, what + ": give exactly one of value-file, value-env");
                continue;
            }
            String value;
            String source;
            if (from.has("value-file")) {
                Path file = resolve.apply(from.string("value-file", ""));
                source = "value-file " + file;
                if (environment == null) {
                    out.put(name, new WebhookHeader(name, source, null));
                    continue;
                }
                try {
                    value = Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException | java.io.UncheckedIOException e) {
                    from.problem("value-file", what + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
                    continue;
                }
            } else {
                String variable = from.string("value-env", "");
                source = "value-env " + variable;
                if (environment == null) {
                    out.put(name, new WebhookHeader(name, source, null));
                    continue;
                }
                value = variable.isEmpty() ? null : environment.apply(variable);
                if (value == null) {
                    from.problem("value-env", what + ": environment variable '" + variable + "' is not set");
                    continue;
                }
                value = value.strip();
            }
            if (value.isEmpty()) {
                headers.problem(name, what + ": the value from " + source + " is empty");
            } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                headers.problem(name, what + ": the value from " + source + " holds a line break or another control "
                        + "character (one line expected)");
            } else {
                out.put(name, new WebhookHeader(name, source, value));
            }
        }
        return out;
    }
}
