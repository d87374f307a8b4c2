package de.lagebild.media.message;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deleting a photo message (chat sets `deleted_at`) withdraws its attachment at once: members get
 * 404 for every variant, no message may refer to it again, a retry of its upload answers what the
 * first answered and does not bring it back, and the sweep removes its objects.
 */
@QuarkusTest
class DeletedMessageAttachmentTest {

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private UUID chatId;

    @Test
    void theAttachmentOfADeletedMessageCannotBeDownloadedAndItsObjectsAreRemoved() {
        ChatFixtures fixtures = new ChatFixtures(pool);
        UUID uploadClientId = UUID.randomUUID();
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.READ);
        String first = post(uploadClientId, "/media-messages").then().statusCode(201).extract().asString();
        JsonPath posted = JsonPath.from(first);
        UUID attachmentId = UUID.fromString(posted.getString("attachment.id"));
        UUID messageId = UUID.fromString(posted.getString("message.id"));
        assertThat(Links.download("officer2", "/v1/attachments/" + attachmentId)).isNotEmpty();
        assertThat(objectsOf(attachmentId)).isEqualTo(3);

        pool.preparedQuery("update messages set deleted_at = now(), deleted_by = author_id, body = null where id = $1")
                .execute(Tuple.of(messageId)).await().indefinitely();

        for (String variant : new String[] {"", "/thumbnail", "/original"}) {
            given().auth().oauth2(Tokens.of("officer1")).redirects().follow(false)
                    .when().get("/v1/attachments/" + attachmentId + variant)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        assertThat(fixtures.count("select count(*) from attachments where id = $1 and status = 'ready'", attachmentId))
                .as("no message may refer to it again: both reference checks need a ready attachment").isZero();
        String retried = post(uploadClientId, "/media-messages").then().statusCode(200).extract().asString();
        assertThat(retried).as("a retry answers what the first answered").isEqualTo(first);
        post(uploadClientId, "/attachments").then().statusCode(409);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1 and status = 'withdrawn'", chatId))
                .as("a retry does not bring it back").isEqualTo(1);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isEqualTo(1);

        given().auth().oauth2(Tokens.of("admin1")).when().post("/v1/admin/media/sweep").then().statusCode(200);

        assertThat(objectsOf(attachmentId)).isZero();
        assertThat(fixtures.count("select count(*) from attachments where id = $1 and status = 'removed'", attachmentId))
                .isEqualTo(1);
        given().auth().oauth2(Tokens.of("officer1")).redirects().follow(false)
                .when().get("/v1/attachments/" + attachmentId).then().statusCode(404);
    }

    private io.restassured.response.Response post(UUID clientId, String endpoint) {
        return given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(40, 20)))
                .queryParam("clientId", clientId.toString()).queryParam("fileName", "lage.jpg")
                .when().post("/v1/chats/" + chatId + endpoint);
    }

    /** Served copy, thumbnail and (kept in tests) the original. */
    private int objectsOf(UUID attachmentId) {
        String prefix = "chats/" + chatId + "/" + attachmentId + "/";
        return s3.listObjectsV2(r -> r.bucket("lagebild").prefix(prefix)).keyCount()
                + s3.listObjectsV2(r -> r.bucket("lagebild").prefix("originals/" + prefix)).keyCount();
    }
}
