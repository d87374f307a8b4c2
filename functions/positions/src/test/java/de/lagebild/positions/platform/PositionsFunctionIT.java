package de.lagebild.positions.platform;

import static de.lagebild.positions.testing.Fixes.batch;
import static de.lagebild.positions.testing.Fixes.fix;
import static de.lagebild.positions.testing.Fixes.send;
import static de.lagebild.positions.testing.DoubleNumbers.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.PackagedFunctionContract;
import de.lagebild.common.testing.TestPool;
import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged positions function (native executable in a cluster's CI): a fix sent with a real
 * token shows on the map of a chat the sender is in, and a non-member learns nothing of the chat.
 * Rooms and chats are the chat function's: they are made directly in the database.
 */
@QuarkusIntegrationTest
class PositionsFunctionIT extends PackagedFunctionContract {

    private TestPool database;
    private MapFixtures fixtures;

    PositionsFunctionIT() {
        super("/v1/positions/sharing", "Lagebild positions");
    }

    @BeforeEach
    void connect() {
        database = TestPool.open();
        fixtures = new MapFixtures(database.pool());
    }

    @AfterEach
    void disconnect() {
        database.close();
    }

    @Test
    void aFixShowsOnTheMapOfTheSendersChat() {
        UUID officer = fixtures.userIdOf("officer4");
        MapFixtures.Chat chat = fixtures.chatOf(officer);

        send("officer4", batch(fix(53.5511, 9.9937, Instant.now()))).then().statusCode(200).body("stored", is(1));

        given().auth().oauth2(Tokens.of("officer4")).when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(200)
                .body("type", is("FeatureCollection"))
                .body("features.id", hasItem(officer.toString()))
                .body("features.find { it.id == '" + officer + "' }.geometry.coordinates", contains(9.9937, 53.5511));
    }

    @Test
    void aNonMemberLearnsNothingAboutTheChat() {
        MapFixtures.Chat chat = fixtures.chatOf(fixtures.userIdOf("officer4"));
        fixtures.userIdOf("officer6");

        given().auth().oauth2(Tokens.of("officer6")).when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/not-found"));
    }
}
