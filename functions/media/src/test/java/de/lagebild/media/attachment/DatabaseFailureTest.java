package de.lagebild.media.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.TestPool;
import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The database fails after the objects were written (marking the row ready fails with a
 * connection error, raised by a trigger for this test's chat only): 503, the objects are removed,
 * and the client's retry with the same client id succeeds once. The trigger is the schema owner's to
 * create: the function's own role may not.
 */
@QuarkusTest
class DatabaseFailureTest {

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private TestPool owner;
    private UUID chatId;

    @BeforeEach
    void connectAsOwner() {
        owner = TestPool.openAsOwner();
    }

    @AfterEach
    void dropTriggerAndDisconnect() {
        dropTrigger();
        owner.close();
    }

    private void dropTrigger() {
        owner.pool().query("drop trigger if exists media_test_db_down on attachments").execute().await().indefinitely();
    }

    @Test
    void objectsAreRemovedAndTheRetrySucceedsOnce() {
        ChatFixtures fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        owner.pool().query("create or replace function media_test_db_down() returns trigger language plpgsql as $$"
                + " begin raise exception 'connection lost' using errcode = '08006'; end $$").execute()
                .await().indefinitely();
        owner.pool().query("create trigger media_test_db_down before update of status on attachments for each row"
                + " when (new.status = 'ready' and new.chat_id = '" + chatId + "')"
                + " execute function media_test_db_down()").execute().await().indefinitely();
        UUID clientId = UUID.randomUUID();
        byte[] photo = TestFiles.jpeg(TestFiles.halves(64, 48));

        upload(clientId, photo).then().statusCode(503).header("Retry-After", "5");
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/")).keyCount()).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("originals/chats/" + chatId + "/")).keyCount())
                .isZero();

        dropTrigger();
        String id = upload(clientId, photo).then().statusCode(201).extract().path("id");
        upload(clientId, photo).then().statusCode(200);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1 and status = 'ready'", chatId))
                .isEqualTo(1);
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/" + id + "/")).keyCount())
                .isEqualTo(2);
    }

    private io.restassured.response.Response upload(UUID clientId, byte[] photo) {
        return given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg").body(photo)
                .queryParam("clientId", clientId.toString())
                .when().post("/v1/chats/" + chatId + "/attachments");
    }
}
