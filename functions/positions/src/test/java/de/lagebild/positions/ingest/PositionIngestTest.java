package de.lagebild.positions.ingest;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/positions: latest and track, late fixes, per-fix rejection, authorisation. */
@QuarkusTest
class PositionIngestTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    private MapFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MapFixtures(pool);
    }

    @Test
    void batchEntersTheTrackAndItsNewestFixBecomesTheLatestPosition() {
        UUID officer = fixtures.userIdOf("officer1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send("officer1", batch(fix(53.5501, 9.9901, now.minusSeconds(10)), fix(53.5503, 9.9903, now),
                fix(53.5502, 9.9902, now.minusSeconds(5))))
                .then().statusCode(200)
                .body("stored", is(3)).body("rejected", empty()).body("sharingPaused", is(false));

        Row latest = latestOf(officer);
        assertThat(latest.getDouble("lat")).isEqualTo(53.5503);
        assertThat(latest.getOffsetDateTime("recorded_at").toInstant()).isEqualTo(now);
        assertThat(latest.getDouble("accuracy_m")).isEqualTo(6.5);
        assertThat(fixtures.count("select count(*) from position_track where user_id = $1 and recorded_at in ($2, $3, $4)",
                officer, utc(now.minusSeconds(10)), utc(now.minusSeconds(5)), utc(now))).isEqualTo(3);
    }

    @Test
    void lateFixEntersTheTrackButNeverOverwritesANewerLatestPosition() {
        UUID officer = fixtures.userIdOf("officer2");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send("officer2", batch(fix(53.60, 10.00, now))).then().statusCode(200).body("stored", is(1));
        send("officer2", batch(fix(53.40, 9.80, now.minusSeconds(120)))).then().statusCode(200).body("stored", is(1));

        Row latest = latestOf(officer);
        assertThat(latest.getDouble("lat")).isEqualTo(53.60);
        assertThat(latest.getOffsetDateTime("recorded_at").toInstant()).isEqualTo(now);
        assertThat(fixtures.count("select count(*) from position_track where user_id = $1 and recorded_at = $2",
                officer, now.minusSeconds(120).atOffset(ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void resentFixIsAcceptedOnceInTheTrack() {
        UUID officer = fixtures.userIdOf("officer2");
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        String body = batch(fix(53.51, 9.91, at));
        send("officer2", body).then().statusCode(200).body("stored", is(1));
        send("officer2", body).then().statusCode(200).body("stored", is(1));
        assertThat(fixtures.count("select count(*) from position_track where user_id = $1 and recorded_at = $2",
                officer, at.atOffset(ZoneOffset.UTC))).isEqualTo(1);
    }

    @Test
    void mixedBatchStoresTheValidFixesAndNamesTheInvalidOnes() {
        UUID officer = fixtures.userIdOf("officer1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String body = batch(
                fix(53.55, 9.99, now.minusSeconds(3)),
                fix(91.0, 9.99, now.minusSeconds(2)),
                fix(53.55, 9.99, now.plusSeconds(3600)),
                "{\"lat\":\"north\",\"lon\":9.99,\"accuracy\":5,\"recordedAt\":\"" + now + "\"}",
                "{\"lat\":53.55,\"lon\":9.99,\"accuracy\":5}",
                "{\"lat\":53.55,\"lon\":9.99,\"accuracy\":5,\"heading\":360,\"recordedAt\":\"" + now + "\"}",
                "{\"lat\":53.55,\"lon\":9.99,\"accuracy\":5,\"colour\":\"red\",\"recordedAt\":\"" + now + "\"}",
                "{\"lat\":53.55,\"lon\":9.99,\"accuracy\":5,\"recordedAt\":\"yesterday\"}",
                "17",
                fix(53.56, 10.01, now.minusSeconds(1)));
        send("officer1", body).then().statusCode(200)
                .body("stored", is(2))
                .body("rejected.index", containsInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8))
                .body("rejected.field", containsInAnyOrder("fixes[1].lat", "fixes[2].recordedAt", "fixes[3].lat",
                        "fixes[4].recordedAt", "fixes[5].heading", "fixes[6].colour", "fixes[7].recordedAt",
                        "fixes[8]"))
                .body("rejected.find { it.index == 2 }.reason", is("lies in the future"));

        assertThat(fixtures.count("select count(*) from position_track where user_id = $1 and recorded_at in ($2, $3)",
                officer, now.minusSeconds(3).atOffset(ZoneOffset.UTC),
                now.minusSeconds(1).atOffset(ZoneOffset.UTC))).isEqualTo(2);
    }

    @Test
    void batchWithoutAnyValidFixIsAProblemNamingEveryField() {
        Instant now = Instant.now();
        send("officer3", batch(fix(53.5, 181.0, now), "{\"lat\":53.5,\"lon\":9.9,\"accuracy\":-1,\"recordedAt\":\"" + now + "\"}",
                fix(53.5, 9.9, now.minus(3, ChronoUnit.DAYS))))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", is("https://lagebild.de/problems/invalid-request"))
                .body("errors.field", containsInAnyOrder("fixes[0].lon", "fixes[1].accuracy", "fixes[2].recordedAt"));
    }

    @Test
    void emptyMissingOrOversizedBatchIsAProblemOnFixes() {
        send("officer3", "{\"fixes\":[]}").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("fixes"));
        send("officer3", "{}").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("fixes"));
        String oneFix = fix(53.5, 9.9, Instant.now());
        send("officer3", batch(Collections.nCopies(501, oneFix).toArray(String[]::new)))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("fixes"));
        send("officer3", "{\"fixes\":").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("body"));
    }

    @Test
    void oneRequestCarryingManyFixesIsStoredTogether() {
        UUID officer = fixtures.userIdOf("officer4");
        Instant start = Instant.now().minusSeconds(400).truncatedTo(ChronoUnit.MILLIS);
        String[] fixes = new String[200];
        for (int i = 0; i < fixes.length; i++) {
            fixes[i] = fix(53.5 + i * 0.0001, 9.9, start.plusSeconds(i));
        }
        send("officer4", batch(fixes)).then().statusCode(200).body("stored", is(200)).body("rejected", hasSize(0));
        assertThat(fixtures.count("select count(*) from position_track where user_id = $1 and recorded_at between $2 and $3",
                officer, start.atOffset(ZoneOffset.UTC),
                start.plusSeconds(199).atOffset(ZoneOffset.UTC))).isEqualTo(200);
    }

    @Test
    void withoutTokenTheCallerIsUnauthenticated() {
        given().contentType(ContentType.JSON).body(batch(fix(53.5, 9.9, Instant.now())))
                .when().post("/v1/positions").then().statusCode(401);
    }

    @Test
    void withoutTheOfficerRoleTheCallerIsForbidden() {
        given().auth().oauth2(Tokens.of("civilian1")).contentType(ContentType.JSON)
                .body(batch(fix(53.5, 9.9, Instant.now())))
                .when().post("/v1/positions").then().statusCode(403).contentType(PROBLEM);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Row latestOf(UUID userId) {
        return pool.preparedQuery("select * from positions_latest where user_id = $1")
                .executeAndAwait(Tuple.of(userId)).iterator().next();
    }
}
