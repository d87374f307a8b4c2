package de.lagebild.load.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A function's /q/metrics in Prometheus' text format, and the values of its series. */
public record PrometheusText(String text) {

    public static PrometheusText scrape(HttpClient http, String functionUrl) throws IOException, InterruptedException {
        return new PrometheusText(http.send(HttpRequest.newBuilder(URI.create(functionUrl + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
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
