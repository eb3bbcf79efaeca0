package dev.mamori.alert;

/**
 * A request header the webhook sends, its value read from a file or the environment when the
 * agent loaded its config. The value is a secret (a bearer token, an API key): {@link #toString}
 * names where it came from, never what it is, so a config printed or logged does not leak it.
 *
 * @param name   header name, e.g. {@code Authorization}
 * @param source where the value is read, e.g. {@code value-file /etc/mamori/token}
 * @param value  the value, sent as is; null when the config was loaded by a command that does
 *               not deliver alerts (status, report, ...), which need not be able to read it
 */
public record WebhookHeader(String name, String source, String value) {

    @Override
    public String toString() {
        return name + ": (secret from " + source + ")";
    }
}
