package de.lagebild.media.message;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upload and post in one call, idempotent by client id; download headers and link expiry. */
@QuarkusTest
class MediaMessageTest {

    @Inject
    Pool pool;

    private ChatFixtures fixtures;
    private UUID chatId;

    @BeforeEach
    void chat() {
        fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.READ);
    }

    @Test
    void pdfIsUploadedAndPostedOnceForRetries() {
        UUID clientId = UUID.randomUUID();
        String messageId = post("officer1", clientId, "Lagebericht.pdf", "Lage 12:00", TestFiles.pdf())
                .then().statusCode(201)
                .body("attachment.kind", is("file")).body("attachment.fileName", is("Lagebericht.pdf"))
                .body("message.kind", is("file")).body("message.body", is("Lage 12:00"))
                .body("message.postedAs", nullValue())
                .extract().path("message.id");
        post("officer1", clientId, "Lagebericht.pdf", "Lage 12:00", TestFiles.pdf())
                .then().statusCode(200).body("message.id", is(messageId));
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from events where chat_id = $1 and type = 'message.created'", chatId))
                .isEqualTo(1);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isEqualTo(1);
    }

    @Test
    void multipartPhotoMessageWithCaption() {
        given().auth().oauth2(Tokens.of("officer1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("caption", "Fahrzeug vor Ort")
                .multiPart("file", "auto.jpg", TestFiles.jpeg(TestFiles.halves(80, 60)), "image/jpeg")
                .when().post("/v1/chats/" + chatId + "/media-messages")
                .then().statusCode(201)
                .body("message.kind", is("photo")).body("message.body", is("Fahrzeug vor Ort"))
                .body("attachment.width", is(80));
    }

    @Test
    void downloadCarriesASafeContentDispositionForAnyName() {
        String name = "Lage \"Alster\"; ü\r\n/../x.pdf";
        String id = post("officer1", UUID.randomUUID(), name, null, TestFiles.pdf())
                .then().statusCode(201).extract().path("attachment.id");
        HttpResponse<byte[]> response = Links.fetch(Links.location("officer2", "/v1/attachments/" + id));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestFiles.pdf());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"x.pdf\"; filename*=UTF-8''x.pdf");

        String odd = post("officer1", UUID.randomUUID(), "Lage \"Nord\" ü.pdf", null, TestFiles.pdf())
                .then().statusCode(201).extract().path("attachment.id");
        assertThat(Links.fetch(Links.location("officer2", "/v1/attachments/" + odd)).headers()
                .firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"Lage _Nord_ _.pdf\"; filename*=UTF-8''Lage%20%22Nord%22%20%C3%BC.pdf");
    }

    @Test
    void expiredLinkIsRefusedByS3() {
        String id = post("officer1", UUID.randomUUID(), "a.pdf", null, TestFiles.pdf())
                .then().statusCode(201).extract().path("attachment.id");
        String url = Links.location("officer2", "/v1/attachments/" + id);
        assertThat(url).contains("X-Amz-Expires=4");
        assertThat(Links.fetch(url).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> Links.fetch(url).statusCode() == 403);
        given().auth().oauth2(Tokens.of("officer2")).redirects().follow(false)
                .when().get("/v1/attachments/" + id + "/thumbnail")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void postingIsRefusedToNonMembersReadersAndUsersWithoutTheOfficerRole() {
        post("officer3", UUID.randomUUID(), "a.pdf", null, TestFiles.pdf()).then().statusCode(404);
        post("officer2", UUID.randomUUID(), "a.pdf", null, TestFiles.pdf()).then().statusCode(403);
        post("civilian1", UUID.randomUUID(), "a.pdf", null, TestFiles.pdf()).then().statusCode(403);
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isZero();
    }

    @Test
    void aNulCharacterInTheCaptionNamesTheField() {
        post("officer1", UUID.randomUUID(), "a.pdf", "Lage\u0000", TestFiles.pdf())
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("caption"));
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isZero();
    }

    @Test
    void tooLongCaptionNamesTheField() {
        given().auth().oauth2(Tokens.of("officer1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("caption", "x".repeat(4001))
                .multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                .when().post("/v1/chats/" + chatId + "/media-messages")
                .then().statusCode(400).body("errors[0].field", is("caption"));
    }

    private io.restassured.response.Response post(String user, UUID clientId, String fileName, String caption,
            byte[] body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(body)
                .queryParam("clientId", clientId.toString()).queryParam("fileName", fileName);
        if (caption != null) {
            request.queryParam("caption", caption);
        }
        return request.when().post("/v1/chats/" + chatId + "/media-messages");
    }
}
