package dev.mamori.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * POSTs each alert as one ECS JSON object, with the configured headers (a token, typically); a 2xx
 * answer acknowledges it. The agent config refuses a plain {@code http://} URL unless told to
 * allow it, and refuses header names the HTTP client sets itself.
 */
public final class WebhookSink implements Sink {

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;
    private final List<WebhookHeader> headers;

    public WebhookSink(String url, Duration timeout) {
        this(url, timeout, List.of());
    }

    public WebhookSink(String url, Duration timeout, List<WebhookHeader> headers) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.headers = List.copyOf(headers);
        for (WebhookHeader h : headers) {
            if (h.value() == null) {
                throw new IllegalArgumentException("webhook header '" + h.name() + "': value not read from " + h.source()
                        + " (config loaded without its secrets)");
            }
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(List<Alert> batch) throws IOException {
        for (Alert a : batch) {
            post(AlertJson.line(a), a.agentVersion());
        }
    }

    /** The chain head as its own document ({@link AlertJson#chainHead}), after the alerts it covers. */
    @Override
    public void deliverChainHead(String host, String head, java.time.Instant at) throws IOException {
        post(AlertJson.chainHead(host, head, at), "agent");
    }

    private void post(String body, String version) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "mamori/" + version);
        headers.forEach(h -> request.header(h.name(), h.value()));
        request.POST(HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("webhook answered HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
