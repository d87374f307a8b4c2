package de.lagebild.chat.search;

import static de.lagebild.chat.search.SearchSteps.ids;
import static de.lagebild.chat.search.SearchSteps.tag;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static de.lagebild.common.testing.ChatFixture.userId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search finds only what history shows the caller; filters on rooms and chats are checked as reads are. */
@QuarkusTest
class SearchAuthorizationTest {

    private static final String LEAD = "lead2";
    private static final String MEMBER = "officer4";
    private static final String OUTSIDER = "officer5";

    @Test
    void anOutsiderFindsNothingAndLearnsNothingOfTheRoomOrChat() {
        String room = openRoom(LEAD, MEMBER);
        String chat = createChat(LEAD, room, MEMBER);
        String tag = tag();
        sendText(LEAD, chat, "Zugriff vorbereitet " + tag);
        assertThat(ids(OUTSIDER, Map.of("q", "Zugriff " + tag))).isEmpty();
        for (Map<String, String> filter : List.of(Map.of("roomId", room), Map.of("chatId", chat),
                Map.of("roomId", UUID.randomUUID().toString()), Map.of("chatId", UUID.randomUUID().toString()))) {
            as(OUTSIDER).queryParam("q", "Zugriff " + tag).queryParams(filter).get("/v1/search")
                    .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
        }
    }

    @Test
    void aMemberWithoutReadFindsNothingOfThatChat() {
        String room = openRoom(LEAD, MEMBER);
        String secret = createChat(LEAD, room, MEMBER);
        String open = createChat(LEAD, room, MEMBER);
        String tag = tag();
        sendText(LEAD, secret, "Observation Objekt " + tag);
        String visible = (String) sendText(LEAD, open, "Observation beendet " + tag).get("id");
        assertThat(ids(MEMBER, Map.of("q", "Observation " + tag))).hasSize(2);

        setPermissions(LEAD, secret, MEMBER, "write");
        assertThat(ids(MEMBER, Map.of("q", "Observation " + tag))).containsExactly(visible);
        assertThat(ids(MEMBER, Map.of("q", "Observation " + tag, "roomId", room))).containsExactly(visible);
        as(MEMBER).queryParams(Map.of("q", "Observation " + tag, "chatId", secret)).get("/v1/search")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRemovedMemberFindsNothingAfterTheRemoval() {
        String room = openRoom(LEAD, MEMBER);
        String chat = createChat(LEAD, room, MEMBER);
        String tag = tag();
        sendText(LEAD, chat, "Durchsuchung Wohnung " + tag);
        assertThat(ids(MEMBER, Map.of("q", "Durchsuchung " + tag))).hasSize(1);

        as(LEAD).delete("/v1/chats/" + chat + "/members/" + userId(MEMBER)).then().statusCode(204);
        assertThat(ids(MEMBER, Map.of("q", "Durchsuchung " + tag))).isEmpty();
        assertThat(ids(MEMBER, Map.of("q", "Durchsuchung " + tag, "roomId", room))).isEmpty();

        as(LEAD).delete("/v1/rooms/" + room + "/members/" + userId(MEMBER)).then().statusCode(204);
        as(MEMBER).queryParams(Map.of("q", "Durchsuchung " + tag, "roomId", room)).get("/v1/search")
                .then().statusCode(404);
        as(MEMBER).queryParams(Map.of("q", "Durchsuchung " + tag, "chatId", chat)).get("/v1/search")
                .then().statusCode(404);
    }

    @Test
    void withoutATokenIs401() {
        given().queryParam("q", "Lage").get("/v1/search").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "q|NULL", "q|'   '", "q|'!!! ---'", "limit|0", "limit|101", "limit|many", "roomId|room-1", "chatId|42",
        "authorId|someone", "from|yesterday", "to|2026-13-01T00:00:00Z", "bbox|10,53", "bbox|10,53,9,54",
        "bbox|10,53,11,north", "bbox|10,53,181,54", "cursor|nonsense", "cursor|bm9uc2Vuc2U"})
    void badInputIs400NamingTheParameter(String field, String value) {
        Map<String, String> params = new HashMap<>(Map.of("q", "Lage"));
        if (value == null) {
            params.remove(field);
        } else {
            params.put(field, value);
        }
        as(MEMBER).queryParams(params).get("/v1/search").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void aQueryTooLongAndAnEmptyTimeWindowAre400() {
        as(MEMBER).queryParam("q", "a".repeat(201)).get("/v1/search").then().statusCode(400)
                .body("errors.field", hasItem("q"));
        as(MEMBER).queryParams(Map.of("q", "Lage", "from", "2026-12-06T10:00:00Z", "to", "2026-12-06T10:00:00Z"))
                .get("/v1/search").then().statusCode(400).body("errors.field", hasItem("to"));
    }
}
