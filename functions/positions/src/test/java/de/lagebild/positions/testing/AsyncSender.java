package de.lagebild.positions.testing;

import de.lagebild.common.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Sends batches without waiting for the answers: many phones at the same moment. */
public final class AsyncSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI positions;

    public AsyncSender(URI positions) {
        this.positions = positions;
    }

    public CompletableFuture<HttpResponse<String>> send(String username, String body) {
        HttpRequest request = HttpRequest.newBuilder(positions)
                .header("Authorization", Tokens.bearer(username))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
