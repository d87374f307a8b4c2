package de.lagebild.positions.publish;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.bus.PgBus;
import de.lagebild.common.testing.TestDatabase;
import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the function publishes on the `positions` channel, as a real LISTEN subscriber on its own
 * connection receives it: the contract the chat stream consumes.
 */
@QuarkusTest
class PositionBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    private Vertx vertx;
    private Pool listenerPool;
    private PgBus listener;
    private Bus.Subscription subscription;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private MapFixtures fixtures;

    @BeforeEach
    void listen() {
        fixtures = new MapFixtures(pool);
        // Each test's fixes are the newest of officer3 whatever times an earlier test sent (a late fix is never published).
        fixtures.forgetLatest(fixtures.userIdOf("officer3"));
        vertx = Vertx.vertx();
        listenerPool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                .connectingTo(TestDatabase.connectOptions()).using(vertx.getDelegate()).build());
        listener = new PgBus(listenerPool, vertx, TestDatabase.connectOptions(), 100);
        AtomicInteger listening = new AtomicInteger();
        subscription = listener.subscribe(PositionPublisher.CHANNEL, received::add, listening::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> listening.get() > 0);
    }

    @AfterEach
    void stop() {
        subscription.cancel();
        listenerPool.closeAndAwait();
        vertx.closeAndAwait();
        fixtures.setSharingPaused(fixtures.userIdOf("officer3"), false);
    }

    @Test
    void aFixThatBecomesTheLatestPositionIsPublishedInTheCompactForm() {
        UUID officer = fixtures.userIdOf("officer3");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send("officer3", batch(fix(53.5511, 9.9922, at.minusSeconds(2)), fix(53.5512, 9.9923, at)))
                .then().statusCode(200);

        JsonNode published = await().atMost(Duration.ofSeconds(2)).until(() -> fixOf(officer, at), f -> f != null);
        assertThat(published.get("lat").asDouble()).isEqualTo(53.5512);
        assertThat(published.get("lon").asDouble()).isEqualTo(9.9923);
        assertThat(published.get("acc").asDouble()).isEqualTo(6.5);
        assertThat(published.get("hdg").asDouble()).isEqualTo(90.0);
        assertThat(published.get("spd").asDouble()).isEqualTo(1.5);
        assertThat(published.has("alt")).isFalse();
        assertThat(Instant.parse(published.get("t").asText())).isEqualTo(at);
        for (String payload : received) {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length).isLessThan(Bus.MAX_PAYLOAD_BYTES);
            assertThat(payload).doesNotContain("\"gone\":[]").doesNotContain("\"fixes\":[]").doesNotContain("null");
        }
    }

    @Test
    void aLateFixIsNotPublished() {
        UUID officer = fixtures.userIdOf("officer3");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send("officer3", batch(fix(53.56, 9.99, at))).then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> fixOf(officer, at) != null);

        Instant late = at.minusSeconds(60);
        send("officer3", batch(fix(53.40, 9.80, late))).then().statusCode(200).extract();
        // A newer fix sent afterwards is published in the same flush as the late one or after it.
        Instant marker = at.plusMillis(500);
        send("officer3", batch(fix(53.57, 9.99, marker))).then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> fixOf(officer, marker) != null);
        assertThat(fixOf(officer, late)).isNull();
    }

    @Test
    void aBurstOfFixesIsCoalescedIntoFewNotificationsCarryingTheLatestPerUser() {
        UUID officer = fixtures.userIdOf("officer3");
        Instant start = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 20; i++) {
            send("officer3", batch(fix(53.50 + i * 0.001, 9.99, start.plusMillis(i * 100L)))).then().statusCode(200);
        }
        Instant last = start.plusMillis(1900);
        await().atMost(Duration.ofSeconds(2)).until(() -> fixOf(officer, last) != null);
        List<JsonNode> fixesOfOfficer = new ArrayList<>();
        for (String payload : received) {
            for (JsonNode fix : read(payload).path("fixes")) {
                if (fix.get("u").asText().equals(officer.toString()) && !Instant.parse(fix.get("t").asText()).isBefore(start)) {
                    fixesOfOfficer.add(fix);
                }
            }
        }
        assertThat(fixesOfOfficer.size()).as("one per flush, not one per fix").isLessThan(20);
        assertThat(fixesOfOfficer.get(fixesOfOfficer.size() - 1).get("lat").asDouble()).isEqualTo(53.519);
    }

    @Test
    void pausingSharingPublishesTheUserAsGone() {
        UUID officer = fixtures.userIdOf("officer3");
        given().auth().oauth2(Tokens.of("officer3")).contentType(ContentType.JSON).body("{\"paused\":true}")
                .when().put("/v1/positions/sharing").then().statusCode(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> received.stream()
                .anyMatch(payload -> contains(read(payload).path("gone"), officer.toString())));
    }

    private JsonNode fixOf(UUID user, Instant at) {
        for (String payload : received) {
            for (JsonNode fix : read(payload).path("fixes")) {
                if (fix.get("u").asText().equals(user.toString()) && Instant.parse(fix.get("t").asText()).equals(at)) {
                    return fix;
                }
            }
        }
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
