package dev.mamori.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** POSTs each alert as one ECS JSON object; a 2xx answer acknowledges it. */
public final class WebhookSink implements Sink {

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public WebhookSink(String url, Duration timeout) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void deliver(List<Alert> batch) throws IOException {
        for (Alert a : batch) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "mamori/" + a.agentVersion())
                    .POST(HttpRequest.BodyPublishers.ofString(AlertJson.line(a))).build();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    throw new IOException("webhook answered HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
