package de.lagebild.positions.map;

import static de.lagebild.positions.testing.DoubleNumbers.given;
import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing an operation ends location sharing in it: the map of a closed room shows the positions
 * known at its closing, marked as frozen, and neither new fixes (sent through the API or stored
 * otherwise) nor new track points reach its map, extent or tracks, while the same officer's open
 * operations keep showing them.
 */
@QuarkusTest
class ClosedRoomMapTest {

    @Inject
    Pool pool;

    @Test
    void aClosedRoomShowsThePositionsAtItsClosingFrozenAndNothingLater() {
        MapFixtures fixtures = new MapFixtures(pool);
        // officer6 leads both operations, shares its position and views both maps.
        UUID officer = fixtures.userIdOf("officer6");
        MapFixtures.Chat closed = fixtures.chatOf(officer);
        MapFixtures.Chat open = fixtures.chatOf(officer);
        UUID early = fixtures.syntheticUser("Frozen 11/1");
        UUID lateOnly = fixtures.syntheticUser("After closing 11/2");
        fixtures.member(closed.chatId(), closed.roomId(), early, true, false, false);
        fixtures.member(closed.chatId(), closed.roomId(), lateOnly, true, false, false);

        // Two hours ago: away from the times at which other tests store fixes of the same officers.
        OffsetDateTime closedAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.MILLIS);
        fixtures.trackFix(early, 53.50, 9.90, closedAt.minusMinutes(10));
        fixtures.trackFix(early, 53.51, 9.91, closedAt.minusMinutes(1));
        fixtures.trackFix(officer, 53.52, 9.92, closedAt.minusSeconds(30));
        fixtures.closeRoom(closed.roomId(), closedAt);
        // After the closing: stored track points and latest positions, and a fix through the API.
        fixtures.trackFix(early, 53.90, 10.30, closedAt.plusMinutes(1));
        fixtures.latest(early, 53.90, 10.30, closedAt.plusMinutes(1));
        fixtures.trackFix(lateOnly, 53.80, 10.20, closedAt.plusSeconds(30));
        fixtures.latest(lateOnly, 53.80, 10.20, closedAt.plusSeconds(30));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send("officer6", batch(fix(53.70, 10.10, now))).then().statusCode(200);

        JsonPath frozen = map("officer6", closed.chatId());
        assertThat(frozen.getBoolean("frozen")).isTrue();
        assertThat(OffsetDateTime.parse(frozen.getString("closedAt")).toInstant()).isEqualTo(closedAt.toInstant());
        assertThat(frozen.getList("features.id")).containsExactlyInAnyOrder(early.toString(), officer.toString());
        assertThat(frozen.getList("features.properties.recordedAt", String.class))
                .allSatisfy(at -> assertThat(OffsetDateTime.parse(at).toInstant()).isBeforeOrEqualTo(closedAt.toInstant()));
        assertThat(frozen.getList("features.find { it.id == '" + early + "' }.geometry.coordinates", Double.class))
                .containsExactly(9.91, 53.51);
        // officer6 sends fixes in other tests too: whichever was the last up to the closing, never the one sent now.
        assertThat(OffsetDateTime.parse(frozen.getString("features.find { it.id == '" + officer + "' }.properties.recordedAt"))
                .toInstant()).isBeforeOrEqualTo(closedAt.toInstant());

        JsonPath extent = given().auth().oauth2(Tokens.of("officer6"))
                .when().get("/v1/chats/" + closed.chatId() + "/map/extent")
                .then().statusCode(200).extract().jsonPath();
        assertThat(extent.getInt("forces")).isEqualTo(frozen.getList("features").size());
        assertThat(extent.getDouble("bbox[2]")).as("east of the positions at closing").isLessThan(10.0);

        JsonPath track = given().auth().oauth2(Tokens.of("officer6"))
                .queryParam("from", closedAt.minusMinutes(20).toString()).queryParam("to", now.toString())
                .when().get("/v1/chats/" + closed.chatId() + "/map/tracks/" + early)
                .then().statusCode(200).extract().jsonPath();
        assertThat(track.getInt("properties.fixes")).isEqualTo(2);
        assertThat(OffsetDateTime.parse(track.getString("properties.to")).toInstant()).isEqualTo(closedAt.toInstant());

        JsonPath live = map("officer6", open.chatId());
        assertThat(live.getString("frozen")).isNull();
        assertThat(live.getList("features.find { it.id == '" + officer + "' }.geometry.coordinates", Double.class))
                .containsExactly(10.10, 53.70);
    }

    private static JsonPath map(String username, UUID chatId) {
        return given().auth().oauth2(Tokens.of(username)).when().get("/v1/chats/" + chatId + "/map/positions")
                .then().statusCode(200).extract().jsonPath();
    }
}
