package de.lagebild.load.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The run as one self-contained HTML file: tables of latencies, figures and resources, inline SVG
 * charts (latency over time, latency by percentile, CPU and memory over time), and the console output.
 */
final class HtmlReport {

    private static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.9, 99.95, 99.99};

    private final String scenario;
    private final String[] args;
    private final OffsetDateTime started;
    private final double seconds;
    private final Map<String, Histogram> latencies;
    private final Map<String, List<LatencyPoint>> timelines;
    private final Map<String, String> figures;
    private final List<ResourceUsage> usage;
    private final Map<String, List<ResourceSampler.Point>> resources;
    private final String console;

    HtmlReport(String scenario, String[] args, OffsetDateTime started, double seconds, Map<String, Histogram> latencies,
            Map<String, List<LatencyPoint>> timelines, Map<String, String> figures, List<ResourceUsage> usage,
            Map<String, List<ResourceSampler.Point>> resources, String console) {
        this.scenario = scenario;
        this.args = args;
        this.started = started;
        this.seconds = seconds;
        this.latencies = latencies;
        this.timelines = timelines;
        this.figures = figures;
        this.usage = usage;
        this.resources = resources;
        this.console = console;
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(scenario + "-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".html");
        Files.writeString(file, html(), StandardCharsets.UTF_8);
        return file;
    }

    private String html() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(scenario)).append(" benchmark</title><style>body{font-family:sans-serif;margin:24px;}"
                        + "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}td:first-child,th:first-child{text-align:left}pre{background:#f6f6f6;"
                        + "padding:8px;font-size:12px;white-space:pre-wrap}</style></head><body>");
        page.append("<h1>").append(escape(scenario)).append("</h1><p>arguments: <code>")
                .append(escape(String.join(" ", args))).append("</code><br>started ").append(started)
                .append(String.format(Locale.ROOT, ", ran %.1f s, %d cores</p>", seconds,
                        Runtime.getRuntime().availableProcessors()));
        latencyTable(page);
        if (!figures.isEmpty()) {
            page.append("<h2>Figures</h2><table><tr><th>figure</th><th>value</th></tr>");
            figures.forEach((name, value) -> page.append("<tr><td>").append(escape(name)).append("</td><td>")
                    .append(escape(value)).append("</td></tr>"));
            page.append("</table>");
        }
        page.append("<h2>Resources</h2><table><tr><th>process</th><th>CPU avg %</th><th>CPU peak %</th>"
                + "<th>memory</th><th>avg MB</th><th>peak MB</th></tr>");
        for (ResourceUsage u : usage) {
            page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.0f</td><td>%.0f</td><td>%s</td><td>%.0f</td>"
                    + "<td>%.0f</td></tr>", escape(u.name()), u.cpuAverage(), u.cpuPeak(), u.memoryKind(),
                    u.memoryAverageMb(), u.memoryPeakMb()));
        }
        page.append("</table><p>CPU in % of one core; PostgreSQL is the postmaster with all its processes, memory as "
                + "PSS so shared buffers count once.</p><h2>Charts</h2>");
        page.append(latencyOverTime()).append("<br>").append(percentileChart()).append("<br>")
                .append(resourceChart(true)).append("<br>").append(resourceChart(false));
        page.append("<h2>Console</h2><pre>").append(escape(console)).append("</pre></body></html>\n");
        return page.toString();
    }

    private void latencyTable(StringBuilder page) {
        page.append("<h2>Latencies</h2><table><tr><th>measure</th><th>n</th><th>rate/s</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>");
        latencies.forEach((name, histogram) -> {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            page.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.2f</td><td>%.2f</td>"
                    + "<td>%.2f</td><td>%.2f</td></tr>", escape(name), histogram.getTotalCount(),
                    histogram.getTotalCount() / activeSeconds(name), histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                    histogram.getMaxValue() / 1000.0));
        });
        page.append("</table><p>rate: over the seconds from the first to the last recorded value of that measure.</p>");
    }

    /** From the first to the last second in which the measure recorded anything. */
    private double activeSeconds(String name) {
        List<LatencyPoint> points = timelines.getOrDefault(name, List.of());
        double first = -1;
        double last = -1;
        for (LatencyPoint point : points) {
            if (point.count() > 0) {
                first = first < 0 ? point.seconds() - 1 : first;
                last = point.seconds();
            }
        }
        return first < 0 ? Math.max(1, seconds) : Math.max(1, last - first);
    }

    private String latencyOverTime() {
        List<SvgChart.Series> series = new ArrayList<>();
        timelines.forEach((name, points) -> {
            List<LatencyPoint> active = points.stream().filter(p -> p.count() > 0).toList();
            if (active.isEmpty()) {
                return;
            }
            double[] xs = active.stream().mapToDouble(LatencyPoint::seconds).toArray();
            series.add(new SvgChart.Series(name + " p99", xs, active.stream().mapToDouble(LatencyPoint::p99).toArray(), false));
            series.add(new SvgChart.Series(name + " p50", xs, active.stream().mapToDouble(LatencyPoint::p50).toArray(), true));
        });
        return SvgChart.render("Latency over time (per second)", "seconds since start", "ms", series, null);
    }

    /** x: the number of nines (0 = p0, 1 = p90, 2 = p99, 3 = p99.9), so the tail gets room. */
    private String percentileChart() {
        List<SvgChart.Series> series = new ArrayList<>();
        latencies.forEach((name, histogram) -> {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            double[] xs = new double[PERCENTILES.length];
            double[] ys = new double[PERCENTILES.length];
            for (int i = 0; i < PERCENTILES.length; i++) {
                xs[i] = nines(PERCENTILES[i]);
                ys[i] = histogram.getValueAtPercentile(PERCENTILES[i]) / 1000.0;
            }
            series.add(new SvgChart.Series(name, xs, ys, false));
        });
        List<SvgChart.Tick> ticks = List.of(new SvgChart.Tick(0, "p0"), new SvgChart.Tick(nines(50), "p50"),
                new SvgChart.Tick(nines(90), "p90"), new SvgChart.Tick(nines(99), "p99"),
                new SvgChart.Tick(nines(99.9), "p99.9"), new SvgChart.Tick(nines(99.99), "p99.99"));
        return SvgChart.render("Latency by percentile (whole run)", "percentile", "ms", series, ticks);
    }

    private static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100.0);
    }

    private String resourceChart(boolean cpu) {
        List<SvgChart.Series> series = new ArrayList<>();
        resources.forEach((name, points) -> series.add(new SvgChart.Series(name,
                points.stream().mapToDouble(ResourceSampler.Point::seconds).toArray(),
                points.stream().mapToDouble(p -> cpu ? p.cpuPercent() : p.memoryBytes() / 1048576.0).toArray(), false)));
        return cpu ? SvgChart.render("CPU over time", "seconds since start", "% of one core", series, null)
                : SvgChart.render("Memory over time (RSS; PostgreSQL: PSS)", "seconds since start", "MB", series, null);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
