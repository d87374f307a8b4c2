package de.lagebild.load.positions;

import de.lagebild.load.report.PrometheusText;
import java.io.IOException;
import java.net.http.HttpClient;

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
        PrometheusText metrics = PrometheusText.scrape(http, url);
        return new Reading(metrics.sum("http_server_requests_seconds_count" + SERIES),
                metrics.sum("http_server_requests_seconds_sum" + SERIES));
    }
}
