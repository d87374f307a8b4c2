package de.lagebild.load.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.report.ProcCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Map panning against the layers function: two layers of 100,000 features each around Hamburg
 * (points and building footprints, imported from EPSG:25832), then bbox queries at city-district
 * size (limit 500) and zoom 14 vector tiles at a fixed rate, open loop: latencies count from when a
 * request was due until its whole body is read, so a slow server cannot hide its queueing. Prints
 * p50/p95/p99/max per phase, and how late the generator sent (sendLagMax) and the cores it used
 * (benchCpu), which show whether the generator kept up.
 *
 * <pre>
 * infra/bench.sh layers [--url http://127.0.0.1:8083] [--features 100000] [--rate 200] [--seconds 30]
 *                       [--warmup 10] [--keycloak http://127.0.0.1:8180] [--skip-import] [--phases tiles]
 *                       [--http 2|1.1]
 * </pre>
 * {@code --phases} runs only the phases whose name starts with it ({@code features} or {@code tiles});
 * {@code --phases versus-sql [--rounds 300] [--db JDBC_URL]} instead compares one client's features requests with
 * the same statement sent straight to PostgreSQL ({@link FunctionVersusSql}), after a third as many warm-up views.
 * The layers function must run (functions/layers/README.md has the commands); the layers it makes are
 * {@code bench-points} and {@code bench-buildings}.
 */
public class LayersBenchmark implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The generator's own CPU time, printed per phase (as cores used) to show it is not the bottleneck. */
    private static final OperatingSystemMXBean OWN_PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Hamburg's built-up area in WGS 84, where the map views are picked. */
    private static final double MIN_LON = 9.80;
    private static final double MAX_LON = 10.25;
    private static final double MIN_LAT = 53.45;
    private static final double MAX_LAT = 53.68;
    /** A city district (Stadtteil) in degrees: about 1.3 km by 1.1 km. */
    private static final double VIEW_LON = 0.020;
    private static final double VIEW_LAT = 0.010;
    private static final int TILE_ZOOM = 14;

    private HttpClient http;
    private Map<String, String> options;
    private String url;
    private BenchUsers users;

    @Override
    public void run(String[] args) throws Exception {
        options = options(args);
        url = options.getOrDefault("url", "http://127.0.0.1:8083");
        users = new BenchUsers(options.getOrDefault("keycloak", "http://127.0.0.1:8180"));
        // HTTP/2 (h2c) multiplexes every request on one connection, as one map client would; HTTP/1.1 opens a
        // connection per request in flight, which spreads them over the server's event loops as many clients do.
        HttpClient.Version version = "1.1".equals(options.get("http")) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2;
        http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        int features = Integer.parseInt(options.getOrDefault("features", "100000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));

        if (!options.containsKey("skip-import")) {
            prepare("bench-points", "Einrichtungen (Benchmark)", features, false);
            prepare("bench-buildings", "Gebäude (Benchmark)", features, true);
        }
        Random random = new Random(42);
        Phase[] phases = {
            new Phase("features points", r -> featuresRequest("bench-points", r)),
            new Phase("features buildings", r -> featuresRequest("bench-buildings", r)),
            new Phase("features both layers", r -> featuresRequest("bench-points,bench-buildings", r)),
            new Phase("tiles points z14", r -> tileRequest("bench-points", r)),
            new Phase("tiles buildings z14", r -> tileRequest("bench-buildings", r)),
        };
        String only = options.getOrDefault("phases", "");
        if (only.equals("versus-sql")) {
            compareWithSql(random);
            return;
        }
        List<String> results = new ArrayList<>();
        for (Phase phase : phases) {
            if (!phase.name().startsWith(only)) {
                continue;
            }
            String token = users.token("officer1");
            drive(phase, token, rate, warmup, random, null);
            LatencyReport report = new LatencyReport(phase.name());
            Stats stats = new Stats();
            long cpuBefore = OWN_PROCESS.getProcessCpuTime();
            drive(phase, token, rate, seconds, random, new Measure(report, stats));
            double benchCpu = (OWN_PROCESS.getProcessCpuTime() - cpuBefore) / 1e9 / seconds;
            String line = report.summary(seconds) + String.format(Locale.ROOT,
                    " errors=%d avgFeatures=%.0f maxFeatures=%d truncated=%d sendLagMax=%.1fms benchCpu=%.2f %s load=%s",
                    stats.errors.get(), stats.averageFeatures(), stats.maxFeatures.get(), stats.truncated.get(),
                    stats.sendLagMax.get() / 1e6, benchCpu, stats.protocol, ProcCpu.loadAverage());
            System.out.println(line);
            results.add(line);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "layers: %d features per layer, %d requests/s for %d s per phase (after %d s warm-up)%n",
                features, rate, seconds, warmup);
        results.forEach(System.out::println);
    }

    /** The function against the same statement sent straight to PostgreSQL: one client, closed loop. */
    private void compareWithSql(Random random) throws Exception {
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "300"));
        String db = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/lagebild_bench_layers");
        Path repository = Path.of(System.getProperty("lagebild.repo", "."));
        try (FunctionVersusSql versus = new FunctionVersusSql(http, url, users.token("officer1"), db, repository)) {
            Map<String, String> views = Map.of("points", "bench-points", "buildings", "bench-buildings",
                    "both layers", "bench-points,bench-buildings");
            for (String name : List.of("points", "buildings", "both layers")) {
                versus.compare(name, views.get(name), rounds / 3, () -> randomView(random));
                System.out.println(versus.compare("features " + name + " vs SQL", views.get(name), rounds,
                        () -> randomView(random)));
            }
            // A view with no features (at sea, far from Hamburg): what a request costs beyond its statement.
            System.out.println(versus.compare("features empty view vs SQL", views.get("both layers"), rounds,
                    () -> new double[] {0.95, 3.54, 0.95 + VIEW_LON, 3.54 + VIEW_LAT}));
        }
    }

    private record Phase(String name, Function<Random, String> path) {
    }

    private record Measure(LatencyReport report, Stats stats) {
    }

    private static final class Stats {
        final AtomicLong errors = new AtomicLong();
        final AtomicLong sampled = new AtomicLong();
        final AtomicLong featureSum = new AtomicLong();
        final AtomicLong maxFeatures = new AtomicLong();
        final AtomicLong truncated = new AtomicLong();
        /** How late the generator sent a request after it was due, at worst: its own backlog, if it has one. */
        final AtomicLong sendLagMax = new AtomicLong();
        volatile HttpClient.Version protocol;

        double averageFeatures() {
            return sampled.get() == 0 ? 0 : (double) featureSum.get() / sampled.get();
        }
    }

    private static String featuresRequest(String layers, Random random) {
        double[] view = randomView(random);
        return String.format(Locale.ROOT, "/v1/layers/%s/features?limit=500&bbox=%.5f,%.5f,%.5f,%.5f",
                layers, view[0], view[1], view[2], view[3]);
    }

    /** A district-size map view somewhere in Hamburg: minLon, minLat, maxLon, maxLat. */
    static double[] randomView(Random random) {
        double lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON - VIEW_LON);
        double lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT - VIEW_LAT);
        return new double[] {lon, lat, lon + VIEW_LON, lat + VIEW_LAT};
    }

    private static String tileRequest(String layer, Random random) {
        double lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
        double lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
        int n = 1 << TILE_ZOOM;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        int y = (int) Math.floor((1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat))) / Math.PI) / 2 * n);
        return "/v1/layers/" + layer + "/tiles/" + TILE_ZOOM + "/" + x + "/" + y + ".mvt";
    }

    /** Sends requests at a fixed rate for the given seconds; records latencies from each request's due time. */
    private void drive(Phase phase, String token, int rate, int seconds, Random random, Measure measure) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean sample = i % 10 == 0;
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + phase.path().apply(random)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
            if (measure != null) {
                measure.stats().sendLagMax.accumulateAndGet(System.nanoTime() - due, Math::max);
            }
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - due;
                if (measure == null) {
                    return;
                }
                if (failure != null || response.statusCode() != 200) {
                    measure.stats().errors.incrementAndGet();
                    return;
                }
                measure.report().recordNanos(latency);
                measure.stats().protocol = response.version();
                if (sample) {
                    count(response, measure.stats());
                }
            }));
            inFlight.removeIf(CompletableFuture::isDone);
        }
        inFlight.forEach(f -> f.handle((r, e) -> null).join());
    }

    private static void count(HttpResponse<byte[]> response, Stats stats) {
        if (!response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return;
        }
        try {
            JsonNode page = JSON.readTree(response.body());
            long features = page.path("features").size();
            stats.sampled.incrementAndGet();
            stats.featureSum.addAndGet(features);
            stats.maxFeatures.accumulateAndGet(features, Math::max);
            if (page.path("truncated").asBoolean()) {
                stats.truncated.incrementAndGet();
            }
        } catch (IOException e) {
            stats.errors.incrementAndGet();
        }
    }

    private void prepare(String layer, String name, int count, boolean polygons) throws Exception {
        String admin = users.token("layeradmin1");
        String definition = "{\"name\":\"" + name + "\",\"category\":\"benchmark\",\"attribution\":\"Generated test data\","
                + "\"source\":{\"kind\":\"upload\"}}";
        send(HttpRequest.newBuilder(URI.create(url + "/v1/admin/layers/" + layer)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(definition)).build(), 201, 200);
        Path file = HamburgFeatures.write(count, polygons, polygons ? 2 : 1);
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/v1/admin/layers/" + layer + "/import?force=true"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/geo+json")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(), 200);
            JsonNode report = JSON.readTree(response.body());
            System.out.printf(Locale.ROOT, "import %-16s %,d bytes: read %d, stored %d, rejected %d in %.1f s%n", layer,
                    Files.size(file), report.path("read").asInt(), report.path("stored").asInt(), report.path("rejected").asInt(),
                    (System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private HttpResponse<String> send(HttpRequest request, int... expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                + ": " + response.body());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }
}
