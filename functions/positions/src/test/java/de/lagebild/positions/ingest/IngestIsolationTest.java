package de.lagebild.positions.ingest;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.positions.testing.AsyncSender;
import de.lagebild.positions.testing.MapFixtures;
import de.lagebild.positions.testing.TrackGate;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ingest under hostile input and overload. The track table is held locked while the requests
 * arrive, so that they queue in the function and share statements: one user's bad values must
 * not fail the others' fixes written with them, and a full queue answers 503, never 500.
 */
@QuarkusTest
class IngestIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OTHERS = List.of("officer2", "officer3", "officer4");

    /** Per field the values a hostile or broken client sends: not numbers, not finite, out of range, malformed. */
    private static final Map<String, List<String>> BAD_VALUES = badValues();

    @Inject
    Pool pool;

    @Inject
    PositionWriter writer;

    @Inject
    IngestConfig config;

    @TestHTTPResource("/v1/positions")
    URI positions;

    @Test
    void badValuesInEveryFieldAreRejectedByNameAndNeverFailTheOthersFixes() throws IOException {
        MapFixtures fixtures = new MapFixtures(pool);
        List<UUID> others = OTHERS.stream().map(fixtures::userIdOf).toList();
        fixtures.userIdOf("officer1");
        AsyncSender sender = new AsyncSender(positions);
        Instant base = Instant.now().minusSeconds(600 + ThreadLocalRandom.current().nextInt(3000))
                .truncatedTo(ChronoUnit.SECONDS).plusMillis(ThreadLocalRandom.current().nextInt(1000));
        int fixesPerBatch = 4;
        int batchesPerUser = 3;

        List<OffsetDateTime> times = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> valid = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> onlyBad = new ArrayList<>();
        CompletableFuture<HttpResponse<String>> mixed;
        List<String> badFixes = new ArrayList<>();
        List<String> badFields = new ArrayList<>();
        BAD_VALUES.forEach((field, values) -> values.forEach(value -> {
            badFixes.add(fixWith(field, value, base.plusMillis(badFixes.size())));
            badFields.add(field);
        }));
        try (TrackGate gate = TrackGate.closed(pool)) {
            for (int b = 0; b < batchesPerUser; b++) {
                for (int u = 0; u < OTHERS.size(); u++) {
                    String[] fixes = new String[fixesPerBatch];
                    for (int f = 0; f < fixesPerBatch; f++) {
                        Instant at = base.plusSeconds(b * 10L + f);
                        times.add(at.atOffset(ZoneOffset.UTC));
                        fixes[f] = fix(53.5 + u * 0.01, 9.9 + f * 0.001, at);
                    }
                    valid.add(sender.send(OTHERS.get(u), batch(fixes)));
                }
                for (int i = 0; i < badFixes.size(); i++) {
                    onlyBad.add(sender.send("officer1", batch(badFixes.get(i))));
                }
            }
            List<String> mixedFixes = new ArrayList<>(badFixes);
            for (int f = 0; f < fixesPerBatch; f++) {
                mixedFixes.add(fix(53.4, 9.8, base.plusSeconds(100 + f)));
            }
            mixed = sender.send("officer1", batch(mixedFixes.toArray(String[]::new)));
            int writerBound = valid.size() + 1;
            // Two statements wait on the lock; everything behind them waits in the function's queue.
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> writer.queuedFixes() >= (writerBound - config.maxStatementsInFlight()) * fixesPerBatch);
            gate.open();
        }

        for (CompletableFuture<HttpResponse<String>> answer : valid) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("stored").asInt()).isEqualTo(fixesPerBatch);
        }
        List<String> notRejectedByName = new ArrayList<>();
        for (int i = 0; i < onlyBad.size(); i++) {
            HttpResponse<String> response = onlyBad.get(i).join();
            String fix = badFixes.get(i % badFixes.size());
            String field = "fixes[0]." + badFields.get(i % badFixes.size());
            boolean named = response.statusCode() == 400
                    && response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                    && fieldsOf(JSON.readTree(response.body()).get("errors"), "field").equals(List.of(field));
            if (!named) {
                notRejectedByName.add(fix + " -> " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(notRejectedByName).isEmpty();
        HttpResponse<String> mixedAnswer = mixed.join();
        assertThat(mixedAnswer.statusCode()).as(mixedAnswer.body()).isEqualTo(200);
        JsonNode mixedBody = JSON.readTree(mixedAnswer.body());
        assertThat(mixedBody.get("stored").asInt()).isEqualTo(fixesPerBatch);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < badFields.size(); i++) {
            expected.add("fixes[" + i + "]." + badFields.get(i));
        }
        assertThat(fieldsOf(mixedBody.get("rejected"), "field")).containsExactlyElementsOf(expected);

        assertThat(storedOf(fixtures, others, times)).isEqualTo((long) OTHERS.size() * batchesPerUser * fixesPerBatch);
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndStoresEveryAcceptedFix() throws IOException {
        MapFixtures fixtures = new MapFixtures(pool);
        List<UUID> senders = OTHERS.stream().map(fixtures::userIdOf).toList();
        AsyncSender sender = new AsyncSender(positions);
        Instant base = Instant.now().minusSeconds(4000 + ThreadLocalRandom.current().nextInt(3000))
                .truncatedTo(ChronoUnit.SECONDS).plusMillis(ThreadLocalRandom.current().nextInt(950));
        int fixesPerBatch = 50;
        int admitted = config.maxStatementsInFlight() + config.maxQueuedFixes() / fixesPerBatch;
        int requests = admitted + 10;

        List<OffsetDateTime> times = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (TrackGate gate = TrackGate.closed(pool)) {
            for (int r = 0; r < requests; r++) {
                String[] fixes = new String[fixesPerBatch];
                for (int f = 0; f < fixesPerBatch; f++) {
                    Instant at = base.plusMillis(r * 1000L + f);
                    times.add(at.atOffset(ZoneOffset.UTC));
                    fixes[f] = fix(53.5, 9.9, at);
                }
                answers.add(sender.send(OTHERS.get(r % OTHERS.size()), batch(fixes)));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> answers.stream().filter(CompletableFuture::isDone).count() >= requests - admitted);
            gate.open();
        }

        int ok = 0;
        int unavailable = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
            if (response.statusCode() == 503) {
                unavailable++;
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(503);
            } else {
                ok++;
            }
        }
        assertThat(unavailable).isEqualTo(requests - admitted);
        assertThat(ok).isEqualTo(admitted);
        assertThat(storedOf(fixtures, senders, times)).isEqualTo((long) ok * fixesPerBatch);
    }

    /** Track rows of these users at exactly these times (a random second and millisecond keep other runs out). */
    private static long storedOf(MapFixtures fixtures, List<UUID> users, List<OffsetDateTime> times) {
        return fixtures.count("select count(*) from position_track where user_id = any($1) and recorded_at = any($2)",
                users.toArray(UUID[]::new), times.toArray(OffsetDateTime[]::new));
    }

    private static Map<String, List<String>> badValues() {
        List<String> notFinite = List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e999", "-1e999");
        List<String> malformed = List.of("\"north\"", "true", "[]", "{}", "\"\"");
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("lat", join(notFinite, malformed, List.of("90.0001", "-90.5", "null")));
        bad.put("lon", join(notFinite, malformed, List.of("180.0001", "-181", "null")));
        bad.put("accuracy", join(notFinite, malformed, List.of("-0.1", "100000.5", "null")));
        bad.put("heading", join(notFinite, malformed, List.of("360", "-0.5")));
        bad.put("speed", join(notFinite, malformed, List.of("-1", "300.1")));
        bad.put("altitude", join(notFinite, malformed, List.of("-1000.5", "20000.1")));
        bad.put("recordedAt", List.of("\"NaN\"", "\"Infinity\"", "1e999", "-1e999", "\"yesterday\"", "true", "[]", "{}",
                "\"\"", "\"2026-13-45T99:00:00Z\"", "\"+999999-01-01T00:00:00Z\"", "\"-999999-01-01T00:00:00Z\"",
                "null"));
        return bad;
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** A valid fix with one field replaced by a raw JSON value. */
    private static String fixWith(String field, String rawValue, Instant recordedAt) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lat", "53.55");
        values.put("lon", "9.99");
        values.put("accuracy", "5");
        values.put("heading", "90");
        values.put("speed", "1.5");
        values.put("altitude", "12");
        values.put("recordedAt", "\"" + recordedAt + "\"");
        values.put(field, rawValue);
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> fieldsOf(JsonNode array, String name) {
        List<String> fields = new ArrayList<>();
        array.forEach(node -> fields.add(node.get(name).asText()));
        return fields;
    }
}
