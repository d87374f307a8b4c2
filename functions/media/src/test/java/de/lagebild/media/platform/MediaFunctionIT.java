package de.lagebild.media.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.PackagedFunctionContract;
import de.lagebild.common.testing.TestPool;
import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.awt.image.BufferedImage;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged media function (native executable in a cluster's CI, where ImageIO and Java2D run
 * through quarkus-awt): a camera JPEG is re-encoded upright without EXIF and gets a thumbnail, a PDF
 * becomes a file message, and a non-member learns nothing. The chat is made directly in the database.
 */
@QuarkusIntegrationTest
class MediaFunctionIT extends PackagedFunctionContract {

    private static final int EXIF_ROTATE_90_CW = 6;
    private static final int APP1 = 0xE1;
    private static final String PROBLEM = "application/problem+json";

    private TestPool database;
    private UUID chatId;

    MediaFunctionIT() {
        super("/v1/attachments/" + UUID.randomUUID(), "Lagebild media", "S3 bucket");
    }

    @BeforeEach
    void chat() {
        database = TestPool.open();
        chatId = new ChatFixtures(database.pool()).chatOf("officer1");
    }

    @AfterEach
    void disconnect() {
        database.close();
    }

    @Test
    void aCameraPhotoIsServedUprightWithoutExifAndWithAThumbnail() {
        byte[] upload = TestFiles.jpegWithExif(TestFiles.halves(400, 200), EXIF_ROTATE_90_CW);
        String id = given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg").body(upload)
                .queryParam("clientId", UUID.randomUUID().toString()).queryParam("fileName", "IMG_0001.JPG")
                .when().post("/v1/chats/" + chatId + "/attachments")
                .then().statusCode(201).body("kind", is("photo")).body("width", is(200)).body("height", is(400))
                .body("hasThumbnail", is(true)).extract().path("id");

        byte[] served = Links.download("officer1", "/v1/attachments/" + id);
        assertThat(TestFiles.jpegMarkers(served)).as("no APP1 segment in the served copy").doesNotContain(APP1);
        BufferedImage upright = TestFiles.decode(served);
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        BufferedImage thumbnail = TestFiles.decode(Links.download("officer1", "/v1/attachments/" + id + "/thumbnail"));
        assertThat(thumbnail.getHeight()).isEqualTo(320);
    }

    @Test
    void aPdfBecomesAFileMessage() {
        given().auth().oauth2(Tokens.of("officer1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("caption", "Lageplan")
                .multiPart("file", "lageplan.pdf", TestFiles.pdf(), "application/pdf")
                .when().post("/v1/chats/" + chatId + "/media-messages")
                .then().statusCode(201)
                .body("message.kind", is("file")).body("message.body", is("Lageplan"))
                .body("attachment.contentType", is("application/pdf"));
    }

    @Test
    void aNonMemberLearnsNothingAboutTheChatOrItsAttachments() {
        String id = given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(20, 20))).queryParam("clientId", UUID.randomUUID().toString())
                .when().post("/v1/chats/" + chatId + "/attachments")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.of("officer3")).redirects().follow(false)
                .when().get("/v1/attachments/" + id)
                .then().statusCode(404).contentType(PROBLEM).body("type", is("https://lagebild.de/problems/not-found"));
        given().auth().oauth2(Tokens.of("officer3")).contentType("image/jpeg").body(TestFiles.jpeg(TestFiles.halves(20, 20)))
                .queryParam("clientId", UUID.randomUUID().toString())
                .when().post("/v1/chats/" + chatId + "/attachments")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
