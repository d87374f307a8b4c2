package de.lagebild.media.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Data integration: a domain administrator injects photos and PDFs without being a member. */
@QuarkusTest
class InjectionTest {

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private ChatFixtures fixtures;
    private UUID chatId;

    @BeforeEach
    void chat() {
        fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.READ);
    }

    @Test
    void domainAdminInjectsPhotoAndPdfWithCaptionsShownWithNameAndRole() {
        UUID clientId = UUID.randomUUID();
        String adminName = ChatFixtures.claims("admin1").path("name").asText("admin1");
        String photoId = inject("admin1", clientId, chatId)
                .then().statusCode(201)
                .body("items.attachment.kind", contains("photo", "file"))
                .body("items.message.body", contains("Lagebild Drohne", "Einsatzbefehl"))
                .body("items.message.postedAs", contains("domain-admin", "domain-admin"))
                .body("items.message.author.displayName", contains(adminName, adminName))
                .extract().path("items[0].attachment.id");
        assertThat(Links.download("officer2", "/v1/attachments/" + photoId + "/thumbnail")).isNotEmpty();

        inject("admin1", clientId, chatId).then().statusCode(200);
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1 and posted_as = 'domain-admin'",
                chatId)).isEqualTo(2);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isEqualTo(2);
    }

    /**
     * A batch whose file's client id an attachment recorded before uploads claimed their client ids
     * in one place (so no claim of the batch exists): 409, and what the batch staged is removed.
     */
    @Test
    void aFileClientIdRecordedBeforeIsAConflictAndLeavesNothing() {
        UUID clientId = UUID.randomUUID();
        UUID firstFile = UUID.nameUUIDFromBytes((clientId + "/0").getBytes(StandardCharsets.UTF_8));
        pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status,"
                        + " content_type, file_name, object_key) select $1, id, room_id, $2, $3, 'file', 'ready',"
                        + " 'application/pdf', 'alt.pdf', $4 from chats where id = $5")
                .execute(Tuple.from(new Object[] {UUID.randomUUID(), fixtures.userId("admin1"), firstFile,
                        "chats/" + chatId + "/" + UUID.randomUUID() + "/file.pdf", chatId}))
                .await().indefinitely();

        inject("admin1", clientId, chatId).then().statusCode(409).contentType("application/problem+json");

        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/")).keyCount()).isZero();
    }

    @Test
    void aBadFileInTheBatchPostsNothing() {
        given().auth().oauth2(Tokens.of("admin1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("file", "ok.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("file", "bad.pdf", TestFiles.png(TestFiles.halves(10, 10)), "application/pdf")
                .when().post("/v1/admin/chats/" + chatId + "/media")
                .then().statusCode(415);
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isZero();
    }

    @Test
    void captionsMustMatchTheFiles() {
        given().auth().oauth2(Tokens.of("admin1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("caption", "eins").multiPart("caption", "zwei")
                .when().post("/v1/admin/chats/" + chatId + "/media")
                .then().statusCode(400).body("errors[0].field", is("caption"));
    }

    @Test
    void refusedForOfficersAndForUnknownChats() {
        inject("officer1", UUID.randomUUID(), chatId).then().statusCode(403).contentType("application/problem+json");
        inject("civilian1", UUID.randomUUID(), chatId).then().statusCode(403);
        inject("admin1", UUID.randomUUID(), UUID.randomUUID()).then().statusCode(404);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isZero();
    }

    private static io.restassured.response.Response inject(String user, UUID clientId, UUID chat) {
        RequestSpecification request = given().auth().oauth2(Tokens.of(user))
                .multiPart("clientId", clientId.toString())
                .multiPart("file", "drohne.jpg", TestFiles.jpegWithExif(TestFiles.halves(120, 90), 1), "image/jpeg")
                .multiPart("caption", "Lagebild Drohne")
                .multiPart("file", "befehl.pdf", TestFiles.pdf(), "application/pdf")
                .multiPart("caption", "Einsatzbefehl");
        return request.when().post("/v1/admin/chats/" + chat + "/media");
    }
}
