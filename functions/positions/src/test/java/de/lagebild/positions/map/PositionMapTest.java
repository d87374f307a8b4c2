package de.lagebild.positions.map;

import static de.lagebild.positions.testing.DoubleNumbers.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/chats/{chatId}/map/positions and /extent: who is on the map, and who may see it. */
@QuarkusTest
class PositionMapTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    private MapFixtures fixtures;
    private UUID viewer;
    private MapFixtures.Chat chat;
    private UUID near;
    private UUID far;
    private UUID outsider;

    @BeforeEach
    void chatWithTwoForcesAndAnOutsider() {
        fixtures = new MapFixtures(pool);
        viewer = fixtures.userIdOf("officer5");
        chat = fixtures.chatOf(viewer);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        near = fixtures.syntheticUser("Peter 11/1");
        far = fixtures.syntheticUser("Anna 11/2");
        outsider = fixtures.syntheticUser("Elsewhere 99/9");
        fixtures.member(chat.chatId(), chat.roomId(), near, true, true, false);
        fixtures.member(chat.chatId(), chat.roomId(), far, true, false, false);
        fixtures.latest(near, 53.55, 9.99, now.minusSeconds(20));
        fixtures.latest(far, 53.60, 10.05, now.minusMinutes(30));
        fixtures.latest(outsider, 53.70, 10.20, now.minusSeconds(5));
    }

    @Test
    void memberSeesTheLatestPositionsOfTheChatsParticipantsAsGeoJson() {
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(200)
                .body("type", is("FeatureCollection"))
                .body("features.id", hasItem(near.toString()))
                .body("features.id", hasItem(far.toString()))
                .body("features.find { it.id == '" + near + "' }.geometry.type", is("Point"))
                .body("features.find { it.id == '" + near + "' }.geometry.coordinates", contains(9.99, 53.55))
                .body("features.find { it.id == '" + near + "' }.properties.name", is("Peter 11/1"))
                .body("features.find { it.id == '" + near + "' }.properties.accuracy", is(8.0))
                .body("features.find { it.id == '" + near + "' }.properties.stale", is(false))
                .body("features.find { it.id == '" + far + "' }.properties.stale", is(true))
                .body("features.find { it.id == '" + far + "' }.properties.ageSeconds", both(greaterThan(1790)).and(lessThan(1830)));
    }

    @Test
    void aUserWhoSharesNoChatWithTheViewerIsOnNoMapAndInNoExtent() {
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(200).body("features.id", not(hasItem(outsider.toString())));
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/extent")
                .then().statusCode(200).body("forces", is(2))
                .body("bbox[2]", closeTo(10.05 + 0.006, 1e-6));
    }

    @Test
    void aPausedUserDisappearsFromTheMapAndTheExtent() {
        fixtures.setSharingPaused(near, true);
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(200).body("features.id", not(hasItem(near.toString())));
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/extent")
                .then().statusCode(200).body("forces", is(1));
    }

    @Test
    void extentIsTheBoundingBoxOfAllForcesWithAMargin() {
        // west 9.99, south 53.55, east 10.05, north 53.60: 10 % margin of 0.06 and 0.05 degrees
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/extent")
                .then().statusCode(200)
                .body("forces", is(2)).body("pois", is(0))
                .body("bbox[0]", closeTo(9.99 - 0.006, 1e-6))
                .body("bbox[1]", closeTo(53.55 - 0.005, 1e-6))
                .body("bbox[2]", closeTo(10.05 + 0.006, 1e-6))
                .body("bbox[3]", closeTo(53.60 + 0.005, 1e-6));
    }

    @Test
    void extentIncludesPoisOnRequest() {
        pool.preparedQuery("insert into pois (id, chat_id, room_id, created_by, name, lat, lon) "
                        + "values (gen_random_uuid(), $1, $2, $3, 'Sammelpunkt', 53.40, 9.80)")
                .executeAndAwait(Tuple.of(chat.chatId(), chat.roomId(), viewer));
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/extent?includePois=true")
                .then().statusCode(200)
                .body("forces", is(2)).body("pois", is(1))
                .body("bbox[0]", closeTo(9.80 - 0.025, 1e-6))
                .body("bbox[1]", closeTo(53.40 - 0.02, 1e-6));
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/extent")
                .then().statusCode(200).body("pois", is(0));
    }

    @Test
    void extentIsEmptyWhenNobodyShares() {
        MapFixtures.Chat empty = fixtures.chatOf(viewer);
        fixtures.member(empty.chatId(), empty.roomId(), fixtures.syntheticUser("Silent"), true, false, false);
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + empty.chatId() + "/map/extent")
                .then().statusCode(200)
                .body("bbox", nullValue()).body("forces", is(0)).body("pois", is(0));
    }

    @Test
    void aSingleForceGetsTheMinimumMargin() {
        MapFixtures.Chat lone = fixtures.chatOf(viewer);
        fixtures.member(lone.chatId(), lone.roomId(), near, true, false, false);
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + lone.chatId() + "/map/extent")
                .then().statusCode(200)
                .body("bbox[0]", closeTo(9.989, 1e-6)).body("bbox[3]", closeTo(53.551, 1e-6));
    }

    @Test
    void nonMemberLearnsNothingAboutTheChat() {
        for (String path : new String[] {"/map/positions", "/map/extent"}) {
            given().auth().oauth2(Tokens.of("officer6"))
                    .when().get("/v1/chats/" + chat.chatId() + path)
                    .then().statusCode(404).contentType(PROBLEM).body("detail", is("chat not found"));
        }
    }

    @Test
    void unknownChatIsNotFound() {
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + UUID.randomUUID() + "/map/positions")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void memberWithoutReadPermissionIsForbidden() {
        UUID blind = fixtures.userIdOf("officer6");
        MapFixtures.Chat other = fixtures.chatOf(viewer);
        fixtures.member(other.chatId(), other.roomId(), blind, false, false, false);
        for (String path : new String[] {"/map/positions", "/map/extent"}) {
            given().auth().oauth2(Tokens.of("officer6"))
                    .when().get("/v1/chats/" + other.chatId() + path)
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void withoutTheOfficerRoleTheMapIsForbidden() {
        for (String path : new String[] {"/map/positions", "/map/extent"}) {
            given().auth().oauth2(Tokens.of("civilian1"))
                    .when().get("/v1/chats/" + chat.chatId() + path)
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }
}
