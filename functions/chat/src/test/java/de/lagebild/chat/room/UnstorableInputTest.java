package de.lagebild.chat.room;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input the database cannot store answers 400 naming the field, never 500: a NUL character in any
 * text field of the chat API, an altitude in a room's area.
 */
@QuarkusTest
class UnstorableInputTest {

    private static final String NUL = "\\u0000";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aNulCharacterInAnyTextFieldIsRefusedNamingTheField() {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        String message = (String) sendText("officer1", chat, "Lage").get("id");
        record Case(String method, String path, String body, String field) {
        }
        Case[] cases = {
            new Case("POST", "/v1/rooms", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A" + NUL + "\"}", "name"),
            new Case("POST", "/v1/rooms", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A\",\"description\":\"d" + NUL
                    + "\"}", "description"),
            new Case("POST", "/v1/rooms/" + room + "/chats", "{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"" + NUL
                    + "\"}", "name"),
            new Case("POST", "/v1/chats/" + chat + "/messages", "{\"clientId\":\"" + UUID.randomUUID()
                    + "\",\"kind\":\"text\",\"body\":\"x" + NUL + "y\"}", "body"),
            new Case("PATCH", "/v1/chats/" + chat + "/messages/" + message, "{\"body\":\"" + NUL + "\"}", "body"),
        };
        for (Case c : cases) {
            as(c.method().equals("PATCH") ? "officer1" : "lead1").body(c.body()).request(c.method(), c.path())
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(c.field()));
        }
        as("officer1").urlEncodingEnabled(false).get("/v1/users?q=abc%00").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void anAltitudeInTheAreaIsRefusedNamingThePosition() {
        String area = "{\"type\":\"Polygon\",\"coordinates\":[[[10,53,4],[10.1,53,4],[10.1,53.1,4],[10,53,4]]]}";
        as("lead1").body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"A\",\"area\":" + area + "}")
                .post("/v1/rooms").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("area.coordinates[0][0]"));
    }
}
