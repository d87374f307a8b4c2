package de.lagebild.media.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every media endpoint answers the same 404 whatever is behind an id: nothing, something of a chat
 * the caller is not in, something not ready, a malformed id. Nobody learns from it what exists.
 */
@QuarkusTest
class NeutralNotFoundTest {

    private static final Map<String, Object> NEUTRAL = Map.of(
            "type", "https://lagebild.de/problems/not-found", "title", "Not found", "status", 404, "detail", "Not found");

    @Inject
    Pool pool;

    private ChatFixtures fixtures;
    private UUID chatId;
    private String photoId;
    private String fileId;

    @BeforeEach
    void chatWithAPhotoAndAFile() {
        fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.READ);
        photoId = upload(TestFiles.jpeg(TestFiles.halves(20, 10)), "a.jpg");
        fileId = upload(TestFiles.pdf(), "a.pdf");
    }

    /** What an id can name, seen by the caller who asks. */
    enum Target {
        UNKNOWN_ID, OF_ANOTHER_CHAT, MALFORMED_ID
    }

    /** Each media endpoint, called by a user with an id. */
    enum Endpoint {
        DOWNLOAD((user, id) -> get(user, "/v1/attachments/" + id)),
        THUMBNAIL((user, id) -> get(user, "/v1/attachments/" + id + "/thumbnail")),
        ORIGINAL((user, id) -> get(user, "/v1/attachments/" + id + "/original")),
        UPLOAD((user, chat) -> postPhoto(user, "/v1/chats/" + chat + "/attachments")),
        MEDIA_MESSAGE((user, chat) -> postPhoto(user, "/v1/chats/" + chat + "/media-messages")),
        INJECTION((user, chat) -> given().auth().oauth2(Tokens.of("admin1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                .when().post("/v1/admin/chats/" + chat + "/media"));

        final BiFunction<String, String, Response> call;

        Endpoint(BiFunction<String, String, Response> call) {
            this.call = call;
        }

        boolean namesAChat() {
            return this == UPLOAD || this == MEDIA_MESSAGE || this == INJECTION;
        }
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void everyEndpointAnswersTheSame404WhateverTheIdNames(Endpoint endpoint) {
        for (Target target : Target.values()) {
            if (endpoint == Endpoint.INJECTION && target == Target.OF_ANOTHER_CHAT) {
                continue; // a domain administrator may inject into every chat
            }
            String id = switch (target) {
                case UNKNOWN_ID -> UUID.randomUUID().toString();
                case OF_ANOTHER_CHAT -> endpoint.namesAChat() ? chatId.toString() : photoId;
                case MALFORMED_ID -> "not-an-id";
            };
            Response response = endpoint.call.apply("officer3", id);
            assertThat(response.statusCode()).as("%s %s", endpoint, target).isEqualTo(404);
            assertThat(response.contentType()).as("%s %s", endpoint, target).startsWith("application/problem+json");
            assertThat(response.jsonPath().getMap("$")).as("%s %s", endpoint, target).isEqualTo(NEUTRAL);
        }
    }

    @Test
    void membersGetTheSame404ForWhatDoesNotExistForThem() {
        String pending = pendingAttachment();
        assertNeutral(get("officer2", "/v1/attachments/" + pending));
        assertNeutral(get("officer2", "/v1/attachments/" + fileId + "/thumbnail"));
        assertNeutral(get("officer1", "/v1/attachments/" + fileId + "/original"));
    }

    private static void assertNeutral(Response response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getMap("$")).isEqualTo(NEUTRAL);
    }

    private String pendingAttachment() {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status,"
                        + " content_type, file_name, object_key) select $1, id, room_id, $2, $3, 'file', 'pending',"
                        + " 'application/pdf', 'a.pdf', $4 from chats where id = $5")
                .execute(Tuple.from(new Object[] {id, fixtures.userId("officer1"), UUID.randomUUID(),
                        "chats/" + chatId + "/" + id + "/file.pdf", chatId}))
                .await().indefinitely();
        return id.toString();
    }

    private String upload(byte[] body, String fileName) {
        return given().auth().oauth2(Tokens.of("officer1")).contentType("application/octet-stream").body(body)
                .queryParam("clientId", UUID.randomUUID().toString()).queryParam("fileName", fileName)
                .when().post("/v1/chats/" + chatId + "/attachments")
                .then().statusCode(201).extract().path("id");
    }

    private static Response get(String user, String path) {
        return given().auth().oauth2(Tokens.of(user)).redirects().follow(false).when().get(path);
    }

    private static Response postPhoto(String user, String path) {
        return given().auth().oauth2(Tokens.of(user)).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(10, 10)))
                .queryParam("clientId", UUID.randomUUID().toString()).queryParam("fileName", "a.jpg")
                .when().post(path);
    }
}
