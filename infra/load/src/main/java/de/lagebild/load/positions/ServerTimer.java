package de.lagebild.load.positions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The function's own view of POST /v1/positions from its Prometheus metrics: count and total time
 * of the answered requests, so the mean time inside the server can be told from the client's.
 */
final class ServerTimer {

    private static final String SERIES = "{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/v1/positions\"}";

    record Reading(double count, double seconds) {

        double meanMillisSince(Reading before) {
            double n = count - before.count;
            return n == 0 ? 0 : 1000 * (seconds - before.seconds) / n;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    ServerTimer(String url) {
        this.url = url;
    }

    Reading read() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new Reading(value(metrics, "http_server_requests_seconds_count" + SERIES),
                value(metrics, "http_server_requests_seconds_sum" + SERIES));
    }

    private static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }
}
