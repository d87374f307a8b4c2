package de.lagebild.positions.track;

import static de.lagebild.positions.testing.DoubleNumbers.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/chats/{chatId}/map/tracks/{userId}: for managers only, from when the user joined, simplified when long. */
@QuarkusTest
class TrackResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    private MapFixtures fixtures;
    private MapFixtures.Chat chat;
    private UUID walker;
    private OffsetDateTime start;
    private String track;

    @BeforeEach
    void managerAndAWalkerWithATrack() {
        fixtures = new MapFixtures(pool);
        UUID manager = fixtures.userIdOf("lead1");
        chat = fixtures.chatOf(manager);
        fixtures.member(chat.chatId(), chat.roomId(), fixtures.userIdOf("officer4"), true, true, false);
        walker = fixtures.syntheticUser("Walker");
        start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(30);
        fixtures.member(chat.chatId(), chat.roomId(), walker, true, true, false, start.minusMinutes(5));
        fixtures.trackFix(walker, 53.5500, 9.9900, start.minusMinutes(10));
        // Recorded out of order: the line follows recorded-at, not arrival.
        fixtures.trackFix(walker, 53.5520, 9.9920, start.plusMinutes(2));
        fixtures.trackFix(walker, 53.5510, 9.9910, start.plusMinutes(1));
        fixtures.trackFix(walker, 53.5530, 9.9930, start.plusMinutes(3));
        track = "/v1/chats/" + chat.chatId() + "/map/tracks/" + walker;
    }

    @Test
    void managerGetsTheTrackAsALineStringInTimeOrderFromWhenTheUserJoined() {
        given().auth().oauth2(Tokens.of("lead1"))
                .queryParam("from", start.minusMinutes(20).toString())
                .queryParam("to", start.plusMinutes(10).toString())
                .when().get(track)
                .then().statusCode(200)
                .body("type", is("Feature"))
                .body("geometry.type", is("LineString"))
                .body("geometry.coordinates[0]", contains(9.9910, 53.5510))
                .body("geometry.coordinates[1]", contains(9.9920, 53.5520))
                .body("geometry.coordinates[2]", contains(9.9930, 53.5530))
                .body("properties.fixes", is(3))
                .body("properties.simplified", is(false));
    }

    @Test
    void defaultWindowIsTheLastHour() {
        given().auth().oauth2(Tokens.of("lead1")).when().get(track)
                .then().statusCode(200).body("properties.fixes", is(3));
    }

    @Test
    void longWindowIsSimplified() {
        OffsetDateTime lineStart = start.minusHours(3);
        UUID runner = fixtures.syntheticUser("Runner");
        fixtures.member(chat.chatId(), chat.roomId(), runner, true, true, false, lineStart.minusMinutes(1));
        for (int i = 0; i < 100; i++) {
            // a straight line with sub-metre jitter: simplification keeps little of it
            fixtures.trackFix(runner, 53.55 + i * 0.0001 + (i % 2) * 0.000001, 9.99, lineStart.plusSeconds(i * 10L));
        }
        given().auth().oauth2(Tokens.of("lead1"))
                .queryParam("from", lineStart.toString()).queryParam("to", lineStart.plusHours(2).toString())
                .when().get("/v1/chats/" + chat.chatId() + "/map/tracks/" + runner)
                .then().statusCode(200)
                .body("properties.fixes", is(100))
                .body("properties.simplified", is(true))
                .body("properties.positions", lessThan(10))
                .body("geometry.coordinates[0]", contains(9.99, 53.55));
    }

    @Test
    void trackWithFewerThanTwoFixesHasNoGeometry() {
        given().auth().oauth2(Tokens.of("lead1"))
                .queryParam("from", start.plusSeconds(90).toString()).queryParam("to", start.plusSeconds(150).toString())
                .when().get(track)
                .then().statusCode(200).body("geometry", nullValue()).body("properties.fixes", is(1));
    }

    @Test
    void badWindowIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.of("lead1")).queryParam("from", "yesterday")
                .when().get(track).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("lead1"))
                .queryParam("from", start.toString()).queryParam("to", start.minusMinutes(1).toString())
                .when().get(track).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
        given().auth().oauth2(Tokens.of("lead1"))
                .queryParam("from", start.minusDays(30).toString()).queryParam("to", start.toString())
                .when().get(track).then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("from"));
    }

    @Test
    void memberWithoutManageIsForbidden() {
        given().auth().oauth2(Tokens.of("officer4")).when().get(track).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void nonMemberLearnsNothing() {
        given().auth().oauth2(Tokens.of("officer6")).when().get(track)
                .then().statusCode(404).contentType(PROBLEM).body("detail", is("chat not found"));
    }

    @Test
    void aUserWhoIsNotInTheChatHasNoTrackThere() {
        UUID stranger = fixtures.syntheticUser("Stranger");
        fixtures.trackFix(stranger, 53.56, 9.98, start.plusMinutes(1));
        fixtures.trackFix(stranger, 53.57, 9.97, start.plusMinutes(2));
        given().auth().oauth2(Tokens.of("lead1")).when().get("/v1/chats/" + chat.chatId() + "/map/tracks/" + stranger)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void withoutTheOfficerRoleTheTrackIsForbidden() {
        given().auth().oauth2(Tokens.of("civilian1")).when().get(track).then().statusCode(403).contentType(PROBLEM);
    }
}
