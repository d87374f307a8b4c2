package de.lagebild.media.sweep;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** An upload that died half-way (row pending for long, object written) is removed by the sweep. */
@QuarkusTest
class SweepTest {

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    @Test
    void sweepRemovesObjectsAndRowsOfAbandonedUploads() {
        ChatFixtures fixtures = new ChatFixtures(pool);
        UUID chatId = fixtures.chatOf("officer1");
        UUID owner = fixtures.userId("officer1");
        UUID id = UUID.randomUUID();
        String key = "chats/" + chatId + "/" + id + "/file.pdf";
        s3.putObject(r -> r.bucket("lagebild").key(key), RequestBody.fromString("%PDF-1.4 half"));
        pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status,"
                        + " content_type, file_name, object_key, created_at)"
                        + " select $1, id, room_id, $2, $3, 'file', 'pending', 'application/pdf', 'a.pdf', $4,"
                        + " now() - interval '1 hour' from chats where id = $5")
                .execute(Tuple.from(new Object[] {id, owner, UUID.randomUUID(), key, chatId})).await().indefinitely();

        given().auth().oauth2(Tokens.of("admin1")).when().post("/v1/admin/media/sweep").then().statusCode(200);

        assertThat(fixtures.count("select count(*) from attachments where id = $1", id)).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/")).keyCount()).isZero();
    }

    @Test
    void sweepIsForDomainAdministratorsOnly() {
        given().auth().oauth2(Tokens.of("officer1")).when().post("/v1/admin/media/sweep").then().statusCode(403);
        given().auth().oauth2(Tokens.of("civilian1")).when().post("/v1/admin/media/sweep").then().statusCode(403);
        given().when().post("/v1/admin/media/sweep").then().statusCode(401);
    }
}
