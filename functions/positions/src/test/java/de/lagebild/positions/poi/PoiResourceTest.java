package de.lagebild.positions.poi;

import static de.lagebild.positions.testing.DoubleNumbers.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POIs on a chat's map: add, move, delete as events in the room's log; list with ETag; who may do what. */
@QuarkusTest
class PoiResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private MapFixtures fixtures;
    private MapFixtures.Chat chat;
    private String pois;

    @BeforeEach
    void chatWithAWriterAndAReader() {
        fixtures = new MapFixtures(pool);
        UUID writer = fixtures.userIdOf("officer1");
        chat = fixtures.chatOf(writer);
        fixtures.member(chat.chatId(), chat.roomId(), fixtures.userIdOf("officer2"), true, false, false);
        pois = "/v1/chats/" + chat.chatId() + "/map/pois";
    }

    @Test
    void addingAPoiAppendsAnEventAndARetryReturnsTheSamePoi() {
        UUID clientId = UUID.randomUUID();
        String id = create("officer1", clientId, "Sammelpunkt", 53.55, 9.99)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("type", is("Feature"))
                .body("geometry.type", is("Point"))
                .body("geometry.coordinates", contains(9.99, 53.55))
                .body("properties.name", is("Sammelpunkt"))
                .body("properties.version", is(1))
                .extract().path("id");

        create("officer1", clientId, "Sammelpunkt", 53.55, 9.99)
                .then().statusCode(200).body("id", is(id));

        List<JsonNode> events = eventsOfRoom();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("poi.created");
        assertThat(events.get(0).get("payload").get("id").asText()).isEqualTo(id);
        assertThat(events.get(0).get("payload").get("lat").asDouble()).isEqualTo(53.55);
        assertThat(events.get(0).get("payload").get("chatId").asText()).isEqualTo(chat.chatId().toString());
    }

    @Test
    void tenIdenticalRequestsAtOnceMakeOnePoiAndOneEventAndAnswerAlike() {
        UUID clientId = UUID.randomUUID();
        String body = "{\"clientId\":\"" + clientId + "\",\"name\":\"Bereitstellungsraum\",\"lat\":53.56,\"lon\":9.98}";
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pois)).header("Authorization", Tokens.bearer("officer1"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
        assertThat(eventsOfRoom()).hasSize(1);
        assertThat(fixtures.count("select count(*) from pois where chat_id = $1", chat.chatId())).isEqualTo(1);
    }

    @Test
    void anotherRequestWithTheSameClientIdIsAConflict() {
        UUID clientId = UUID.randomUUID();
        create("officer1", clientId, "Sammelpunkt", 53.55, 9.99).then().statusCode(201);
        create("officer1", clientId, "Sammelpunkt", 53.56, 9.99).then().statusCode(409).contentType(PROBLEM);
        assertThat(eventsOfRoom()).hasSize(1);
    }

    @Test
    void movingAndDeletingArePoiEventsAndTheListFollows() {
        String id = create("officer1", UUID.randomUUID(), "Absperrung", 53.55, 9.99).then().statusCode(201)
                .extract().path("id");

        given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"lat\":53.56,\"lon\":10.0,\"name\":\"Absperrung Nord\",\"version\":1}")
                .when().put(pois + "/" + id)
                .then().statusCode(200)
                .body("geometry.coordinates", contains(10.0, 53.56))
                .body("properties.name", is("Absperrung Nord"))
                .body("properties.version", is(2));

        given().auth().oauth2(Tokens.of("officer2")).when().get(pois)
                .then().statusCode(200)
                .body("type", is("FeatureCollection"))
                .body("features.id", contains(id))
                .body("features[0].geometry.coordinates", contains(10.0, 53.56));

        given().auth().oauth2(Tokens.of("officer1")).when().delete(pois + "/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.of("officer1")).when().delete(pois + "/" + id).then().statusCode(204);

        given().auth().oauth2(Tokens.of("officer2")).when().get(pois)
                .then().statusCode(200).body("features.id", not(hasItem(id)));
        assertThat(eventsOfRoom()).extracting(e -> e.get("type").asText())
                .containsExactly("poi.created", "poi.moved", "poi.deleted");
        assertThat(eventsOfRoom().get(2).get("payload").get("deletedAt").isNull()).isFalse();
    }

    @Test
    void movingWithAStaleVersionIsAConflict() {
        String id = create("officer1", UUID.randomUUID(), "Fahrzeug", 53.55, 9.99).then().statusCode(201)
                .extract().path("id");
        move("officer1", id, "{\"lat\":53.57,\"lon\":9.99,\"version\":1}").then().statusCode(200);
        move("officer1", id, "{\"lat\":53.58,\"lon\":9.99,\"version\":1}").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void movingToTheSamePlaceAppendsNothing() {
        String id = create("officer1", UUID.randomUUID(), "Fahrzeug", 53.55, 9.99).then().statusCode(201)
                .extract().path("id");
        move("officer1", id, "{\"lat\":53.55,\"lon\":9.99}").then().statusCode(200).body("properties.version", is(1));
        assertThat(eventsOfRoom()).hasSize(1);
    }

    @Test
    void listCarriesAnETagThatAnswers304UntilSomethingChanges() {
        create("officer1", UUID.randomUUID(), "A", 53.55, 9.99).then().statusCode(201);
        String etag = given().auth().oauth2(Tokens.of("officer2")).when().get(pois)
                .then().statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"");
        given().auth().oauth2(Tokens.of("officer2")).header("If-None-Match", etag).when().get(pois)
                .then().statusCode(304);

        String id = create("officer1", UUID.randomUUID(), "B", 53.56, 9.98).then().statusCode(201).extract().path("id");
        String afterAdd = given().auth().oauth2(Tokens.of("officer2")).header("If-None-Match", etag).when().get(pois)
                .then().statusCode(200).extract().header("ETag");
        assertThat(afterAdd).isNotEqualTo(etag);

        move("officer1", id, "{\"lat\":53.57,\"lon\":9.98}").then().statusCode(200);
        given().auth().oauth2(Tokens.of("officer2")).header("If-None-Match", afterAdd).when().get(pois)
                .then().statusCode(200);
    }

    @Test
    void invalidPoiIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"X\",\"lat\":95,\"lon\":9.9}")
                .when().post(pois)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("lat"));
        given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"lat\":53,\"lon\":9.9}")
                .when().post(pois)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        String id = create("officer1", UUID.randomUUID(), "A", 53.55, 9.99).then().statusCode(201).extract().path("id");
        move("officer1", id, "{\"lat\":53.55}").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("lon"));
    }

    @Test
    void readerMayListButNotWrite() {
        String id = create("officer1", UUID.randomUUID(), "A", 53.55, 9.99).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("officer2")).when().get(pois).then().statusCode(200);
        create("officer2", UUID.randomUUID(), "B", 53.55, 9.99).then().statusCode(403).contentType(PROBLEM);
        move("officer2", id, "{\"lat\":53.57,\"lon\":9.99}").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("officer2")).when().delete(pois + "/" + id)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void nonMemberLearnsNothing() {
        String id = create("officer1", UUID.randomUUID(), "A", 53.55, 9.99).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("officer3")).when().get(pois)
                .then().statusCode(404).contentType(PROBLEM).body("detail", is("chat not found"));
        create("officer3", UUID.randomUUID(), "B", 53.55, 9.99).then().statusCode(404).contentType(PROBLEM);
        move("officer3", id, "{\"lat\":53.57,\"lon\":9.99}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("officer3")).when().delete(pois + "/" + id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aPoiOfAnotherChatIsNotFound() {
        UUID writer = fixtures.userIdOf("officer1");
        MapFixtures.Chat other = fixtures.chatOf(writer);
        String foreign = given().auth().oauth2(Tokens.of("officer1")).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"name\":\"X\",\"lat\":53,\"lon\":9.9}")
                .when().post("/v1/chats/" + other.chatId() + "/map/pois")
                .then().statusCode(201).extract().path("id");
        move("officer1", foreign, "{\"lat\":53.57,\"lon\":9.99}").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("officer1")).when().delete(pois + "/" + foreign).then().statusCode(404);
    }

    @Test
    void closedRoomIsReadOnly() {
        String id = create("officer1", UUID.randomUUID(), "A", 53.55, 9.99).then().statusCode(201).extract().path("id");
        fixtures.closeRoom(chat.roomId(), OffsetDateTime.now(ZoneOffset.UTC));
        create("officer1", UUID.randomUUID(), "B", 53.55, 9.99).then().statusCode(409).contentType(PROBLEM);
        move("officer1", id, "{\"lat\":53.57,\"lon\":9.99}").then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("officer1")).when().delete(pois + "/" + id).then().statusCode(409);
        given().auth().oauth2(Tokens.of("officer1")).when().get(pois).then().statusCode(200)
                .body("features.id", contains(id));
    }

    @Test
    void withoutTheOfficerRoleEverythingIsForbidden() {
        given().auth().oauth2(Tokens.of("civilian1")).when().get(pois).then().statusCode(403).contentType(PROBLEM);
        create("civilian1", UUID.randomUUID(), "B", 53.55, 9.99).then().statusCode(403).contentType(PROBLEM);
        move("civilian1", UUID.randomUUID().toString(), "{\"lat\":53.57,\"lon\":9.99}").then().statusCode(403);
        given().auth().oauth2(Tokens.of("civilian1")).when().delete(pois + "/" + UUID.randomUUID()).then().statusCode(403);
    }

    private Response create(String user, UUID clientId, String name, double lat, double lon) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body("{\"clientId\":\"" + clientId + "\",\"name\":\"" + name + "\",\"lat\":" + lat + ",\"lon\":" + lon + "}")
                .when().post(pois);
    }

    private Response move(String user, String id, String body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .when().put(pois + "/" + id);
    }

    private List<JsonNode> eventsOfRoom() {
        List<JsonNode> events = new ArrayList<>();
        for (Row row : pool.preparedQuery("select type, payload::text as payload from events where room_id = $1 order by seq")
                .executeAndAwait(Tuple.of(chat.roomId()))) {
            try {
                events.add(JSON.createObjectNode().put("type", row.getString("type"))
                        .set("payload", JSON.readTree(row.getString("payload"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }
}
