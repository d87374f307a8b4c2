package de.lagebild.load.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.report.ProcCpu;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Search in a large record: MESSAGES text messages in CHATS chats (written straight into the
 * database with generate_series, once; {@link SearchData}), of which the searching officer may read
 * READABLE, then searches at RATE a second, open loop (latency counts from when a search was due
 * until its whole answer is read). The queries mix a common word, a rare word, two words, a word
 * typed transliterated ("Strasse") and a licence plate as written, each picked at random.
 *
 * <pre>
 * infra/bench.sh search [url=http://127.0.0.1:8081] [db=jdbc:postgresql://127.0.0.1:5432/lagebild]
 *                       [messages=1000000] [chats=500] [readable=20] [rate=20] [seconds=60] [warmup=15]
 *                       [user=officer6] [keycloak=http://127.0.0.1:8180]
 * </pre>
 */
public class SearchBenchmark implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void run(String[] arguments) throws Exception {
        ScenarioArgs args = new ScenarioArgs(arguments);
        String url = args.string("url", "http://127.0.0.1:8081");
        String db = args.string("db", "jdbc:postgresql://127.0.0.1:5432/lagebild");
        int messages = args.integer("messages", 1_000_000);
        int chats = args.integer("chats", 500);
        int readable = args.integer("readable", 20);
        int rate = args.integer("rate", 20);
        int seconds = args.integer("seconds", 60);
        int warmup = args.integer("warmup", 15);
        String user = args.string("user", "officer6");

        BenchUsers users = new BenchUsers(args.string("keycloak", "http://127.0.0.1:8180"));
        String token = users.token(user);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (me.statusCode() != 200) {
            throw new IllegalStateException("GET /v1/me answered " + me.statusCode() + ": " + me.body());
        }
        UUID userId = UUID.fromString(JSON.readTree(me.body()).get("id").asText());
        List<String> plates;
        try (SearchData data = SearchData.connect(db)) {
            data.prepare(userId, messages, chats, readable);
            plates = data.readablePlates(userId, 50);
        }
        List<String> queries = queries(plates);
        // Writing the record can outlast a token (5 minutes); a warm-up and a phase of up to 4 minutes do not.
        token = users.token(user);
        System.out.printf(Locale.ROOT, "search: %d queries, e.g. %s%n", queries.size(), queries.subList(0, 6));

        Random random = new Random(7);
        drive(http, url, token, queries, random, rate, warmup, null);
        LatencyReport report = new LatencyReport("search " + rate + "/s");
        Stats stats = new Stats();
        drive(http, url, token, queries, random, rate, seconds, new Measure(report, stats));
        System.out.println();
        System.out.printf(Locale.ROOT, "search: %d messages in %d chats, %s reads %d; %d searches/s for %d s after %d s warm-up%n",
                messages, chats, user, readable, rate, seconds, warmup);
        System.out.println(report.summary(seconds) + String.format(Locale.ROOT,
                " errors=%d avgResults=%.1f sendLagMax=%.1fms load=%s", stats.errors.get(),
                stats.results.get() / (double) Math.max(1, report.count()), stats.sendLagMax.get() / 1e6,
                ProcCpu.loadAverage()));
    }

    /** What officers type: single words common and rare, two words, a transliteration, a plate. */
    private static List<String> queries(List<String> plates) {
        List<String> queries = new ArrayList<>(List.of("Lage", "Einsatz", "Fahrzeug", "Strasse", "Hauptbahnhof",
                "Zeuge", "Durchsuchung", "Sperrung Kreuzung", "Verdächtiger flüchtig", "Rettungswagen",
                "Müller", "Mueller", "Personalien", "Observation beendet", "Brand", "Lagemeldung"));
        queries.addAll(plates);
        return queries;
    }

    private record Measure(LatencyReport report, Stats stats) {
    }

    private static final class Stats {
        final AtomicLong errors = new AtomicLong();
        final AtomicLong results = new AtomicLong();
        final AtomicLong sendLagMax = new AtomicLong();
    }

    private static void drive(HttpClient http, String url, String token, List<String> queries, Random random,
            int rate, int seconds, Measure measure) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (long i = 0; i < (long) rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String q = queries.get(random.nextInt(queries.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/search?limit=20&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
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
                measure.stats().results.addAndGet(resultCount(response.body()));
            }));
            inFlight.removeIf(CompletableFuture::isDone);
        }
        inFlight.forEach(f -> f.handle((r, e) -> null).join());
    }

    private static int resultCount(byte[] body) {
        try {
            JsonNode page = JSON.readTree(body);
            return page.get("results").size();
        } catch (IOException e) {
            return 0;
        }
    }
}
