package de.lagebild.positions.sharing;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT /v1/positions/sharing: pausing removes the user from every map at once; fixes while paused are dropped. */
@QuarkusTest
class SharingResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String USER = "officer6";

    @Inject
    Pool pool;

    private MapFixtures fixtures;
    private UUID officer;

    @BeforeEach
    void fixtures() {
        fixtures = new MapFixtures(pool);
        officer = fixtures.userIdOf(USER);
    }

    @AfterEach
    void shareAgain() {
        fixtures.resolveAlarmsOf(officer);
        fixtures.setSharingPaused(officer, false);
    }

    @Test
    void pausingRemovesTheUserFromEveryMapAtOnceAndResumingShowsTheNextFix() {
        UUID lead = fixtures.userIdOf("lead2");
        MapFixtures.Chat first = fixtures.chatOf(lead);
        MapFixtures.Chat second = fixtures.chatOf(lead);
        fixtures.member(first.chatId(), first.roomId(), officer, true, true, false);
        fixtures.member(second.chatId(), second.roomId(), officer, true, true, false);
        send(USER, batch(fix(53.55, 9.99, Instant.now()))).then().statusCode(200);
        for (MapFixtures.Chat chat : new MapFixtures.Chat[] {first, second}) {
            onMap(chat).body("features.id", hasItem(officer.toString()));
        }

        sharing(true).then().statusCode(200).body("paused", is(true)).body("pausedAt", notNullValue());

        for (MapFixtures.Chat chat : new MapFixtures.Chat[] {first, second}) {
            onMap(chat).body("features.id", not(hasItem(officer.toString())));
        }
        assertThat(fixtures.count("select count(*) from positions_latest where user_id = $1", officer)).isZero();
        send(USER, batch(fix(53.56, 9.98, Instant.now()))).then().statusCode(200)
                .body("stored", is(0)).body("sharingPaused", is(true));
        onMap(first).body("features.id", not(hasItem(officer.toString())));
        given().auth().oauth2(Tokens.of(USER)).when().get("/v1/positions/sharing")
                .then().statusCode(200).body("paused", is(true));

        sharing(false).then().statusCode(200).body("paused", is(false));
        onMap(first).body("features.id", not(hasItem(officer.toString())));
        send(USER, batch(fix(53.57, 9.97, Instant.now()))).then().statusCode(200).body("stored", is(1));
        onMap(first).body("features.id", hasItem(officer.toString()));
    }

    @Test
    void anActiveAlarmOfTheUserSharesTheirPositionDespiteThePauseUntilItEnds() {
        MapFixtures.Chat chat = fixtures.chatOf(fixtures.userIdOf("lead2"));
        fixtures.member(chat.chatId(), chat.roomId(), officer, true, true, false);
        sharing(true).then().statusCode(200);

        fixtures.raisedAlarm(officer, chat.roomId());
        send(USER, batch(fix(53.58, 9.96, Instant.now()))).then().statusCode(200)
                .body("stored", is(1)).body("sharingPaused", is(false));
        onMap(chat).body("features.id", hasItem(officer.toString()));

        fixtures.resolveAlarmsOf(officer);
        onMap(chat).body("features.id", not(hasItem(officer.toString())));
        send(USER, batch(fix(53.59, 9.95, Instant.now()))).then().statusCode(200)
                .body("stored", is(0)).body("sharingPaused", is(true));
    }

    @Test
    void pausingTwiceKeepsTheFirstPauseTime() {
        String firstPause = sharing(true).then().statusCode(200).extract().path("pausedAt");
        sharing(true).then().statusCode(200).body("pausedAt", is(firstPause));
    }

    @Test
    void missingOrWrongValueIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.of(USER)).contentType(ContentType.JSON).body("{}")
                .when().put("/v1/positions/sharing")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("paused"));
        given().auth().oauth2(Tokens.of(USER)).contentType(ContentType.JSON).body("{\"paused\":\"sometimes\"}")
                .when().put("/v1/positions/sharing")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("paused"));
    }

    @Test
    void withoutTheOfficerRoleSharingIsForbidden() {
        given().auth().oauth2(Tokens.of("civilian1")).contentType(ContentType.JSON).body("{\"paused\":true}")
                .when().put("/v1/positions/sharing")
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"paused\":true}")
                .when().put("/v1/positions/sharing")
                .then().statusCode(401);
    }

    private static Response sharing(boolean paused) {
        return given().auth().oauth2(Tokens.of(USER)).contentType(ContentType.JSON).body("{\"paused\":" + paused + "}")
                .when().put("/v1/positions/sharing");
    }

    private static ValidatableResponse onMap(MapFixtures.Chat chat) {
        return given().auth().oauth2(Tokens.of("lead2"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/positions").then().statusCode(200);
    }
}
