package de.lagebild.load.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A function's /q/metrics in Prometheus' text format, and the values of its series. The metrics are on
 * the function's management interface, which the local scripts (infra/start.sh, infra/fault.sh) put
 * on the function's API port + 1000.
 */
public record PrometheusText(String text) {

    static final int MANAGEMENT_PORT_OFFSET = 1000;

    public static PrometheusText scrape(HttpClient http, String functionUrl) throws IOException, InterruptedException {
        return new PrometheusText(http.send(HttpRequest.newBuilder(metricsOf(functionUrl))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The metrics address of the function whose API is at {@code functionUrl}. */
    static URI metricsOf(String functionUrl) {
        URI api = URI.create(functionUrl);
        return URI.create(api.getScheme() + "://" + api.getHost() + ":" + (api.getPort() + MANAGEMENT_PORT_OFFSET) + "/q/metrics");
    }

    /**
     * The sum of the series of one metric whose labels contain {@code labels} (empty: all of them);
     * {@code metric} may carry its labels itself, such as {@code name{a="1"}}. 0 when there is none.
     */
    public double sum(String metric, String labels) {
        return text.lines()
                .filter(line -> line.startsWith(metric) && line.length() > metric.length()
                        && (line.charAt(metric.length()) == ' ' || line.charAt(metric.length()) == '{'))
                .filter(line -> line.substring(0, line.lastIndexOf(' ')).contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    public double sum(String metric) {
        return sum(metric, "");
    }
}
