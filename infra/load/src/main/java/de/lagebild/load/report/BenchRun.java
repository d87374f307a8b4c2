package de.lagebild.load.report;

import de.lagebild.load.LatencyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One benchmark run as the report sees it: every {@link LatencyReport} the scenario makes (reports
 * of the same name are merged), figures the scenario hands over, what it printed, and the stack's
 * resources. Once a second it takes each report's latencies of that second and a resource sample.
 * At the end it prints the resource summary and writes the HTML report.
 */
public final class BenchRun {

    private static volatile BenchRun current;

    private volatile String scenario;
    private final String[] args;
    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    private final long startNanos = System.nanoTime();
    private final List<LatencyReport> reports = new CopyOnWriteArrayList<>();
    private final Map<String, Histogram> previous = new LinkedHashMap<>();
    private final Map<String, List<LatencyPoint>> timelines = new LinkedHashMap<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private volatile double measuredFrom = -1;
    private volatile double measuredTo = -1;
    private final ResourceSampler resources;
    private final ConsoleCapture console;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-run-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private BenchRun(String scenario, String[] args) {
        this.scenario = scenario;
        this.args = args.clone();
        this.resources = new ResourceSampler(RunDirectory.path(),
                Path.of(System.getProperty("lagebild.postgres.pidfile", "/var/lib/postgresql/15/main/postmaster.pid")));
        this.console = ConsoleCapture.install();
    }

    /** Starts recording; the scenario's reports and figures go to this run until {@link #finish()}. */
    public static BenchRun start(String scenario, String[] args) {
        BenchRun run = new BenchRun(scenario, args);
        current = run;
        run.resources.sample();
        run.ticker.scheduleAtFixedRate(run::tick, 1, 1, TimeUnit.SECONDS);
        return run;
    }

    /** Called by every new {@link LatencyReport}. */
    public static void register(LatencyReport report) {
        BenchRun run = current;
        if (run != null) {
            run.reports.add(report);
        }
    }

    /** Names the run more precisely than its scenario class (the report's file name and title). */
    public static void name(String name) {
        BenchRun run = current;
        if (run != null) {
            run.scenario = name;
        }
    }

    /**
     * Marks the start ({@code true}) or end of the load phase: the resource averages and peaks are then
     * taken over that phase only (setup, such as creating users and replaying logs, is left out).
     */
    public static void measuring(boolean on) {
        BenchRun run = current;
        if (run != null) {
            double now = (System.nanoTime() - run.startNanos) / 1e9;
            if (on) {
                run.measuredFrom = now;
            } else {
                run.measuredTo = now;
            }
        }
    }

    /** Prints the summary line of every latency recorded in this run, rates over the given seconds. */
    public static void printLatencies(double seconds) {
        BenchRun run = current;
        if (run != null) {
            run.reports.stream().filter(report -> report.count() > 0)
                    .forEach(report -> System.out.println(report.summary(seconds)));
        }
    }

    /** A figure for the report's table (errors, deliveries missing, lost, recovery time, ...). */
    public static void figure(String name, Object value) {
        BenchRun run = current;
        if (run != null) {
            synchronized (run.figures) {
                run.figures.put(name, String.valueOf(value));
            }
        }
    }

    private void tick() {
        try {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            resources.sample();
            Map<String, Histogram> merged = mergedByName();
            synchronized (timelines) {
                for (Map.Entry<String, Histogram> entry : merged.entrySet()) {
                    Histogram interval = entry.getValue().copy();
                    Histogram before = previous.get(entry.getKey());
                    if (before != null) {
                        interval.subtract(before);
                    }
                    previous.put(entry.getKey(), entry.getValue());
                    timelines.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(LatencyPoint.of(seconds, interval));
                }
            }
        } catch (RuntimeException e) {
            console.original().println("report sampling failed: " + e);
        }
    }

    private Map<String, Histogram> mergedByName() {
        Map<String, Histogram> merged = new LinkedHashMap<>();
        for (LatencyReport report : reports) {
            Histogram snapshot = report.snapshot();
            Histogram sum = merged.get(report.name());
            if (sum == null) {
                merged.put(report.name(), snapshot);
            } else {
                sum.add(snapshot);
            }
        }
        return merged;
    }

    /** Stops sampling, prints the resource figures and the report's path. */
    public void finish() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick();
        current = null;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double from = measuredFrom < 0 ? 0 : measuredFrom;
        double to = measuredTo < from ? seconds : measuredTo;
        List<ResourceUsage> usage = ResourceUsage.of(resources.series(), from, to);
        PrintStream out = console.original();
        out.println();
        out.printf(Locale.ROOT, "resources from %.0f s to %.0f s of the run (sampled from /proc every second; CPU in %% of "
                + "one core):%n", from, to);
        usage.forEach(u -> out.println("  " + u.line()));
        Map<String, Histogram> totals = mergedByName();
        Map<String, String> figuresNow;
        synchronized (figures) {
            figuresNow = new LinkedHashMap<>(figures);
        }
        Map<String, List<LatencyPoint>> timelinesNow;
        synchronized (timelines) {
            timelinesNow = new LinkedHashMap<>(timelines);
        }
        console.uninstall();
        try {
            figuresNow.put("resources measured", String.format(Locale.ROOT, "from %.0f s to %.0f s of the run", from, to));
            Path file = new HtmlReport(scenario, args, started, seconds, totals, timelinesNow, figuresNow,
                    usage, resources.series(), console.text())
                    .write(Path.of(System.getProperty("lagebild.reports.dir", "infra/load/target/reports")));
            out.println("report: " + file.toAbsolutePath());
        } catch (IOException e) {
            out.println("report not written: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "run took %.1f s%n", seconds);
    }
}
