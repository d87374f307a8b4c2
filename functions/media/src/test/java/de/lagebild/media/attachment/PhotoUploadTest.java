package de.lagebild.media.attachment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real camera-like JPEG (EXIF orientation and GPS) through upload, re-encoding and download. */
@QuarkusTest
class PhotoUploadTest {

    private static final int EXIF_ROTATE_90_CW = 6;
    private static final int APP1 = 0xE1;

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
    void servedCopyHasNoExifIsUprightAndHasAThumbnail() {
        byte[] upload = TestFiles.jpegWithExif(TestFiles.halves(400, 200), EXIF_ROTATE_90_CW);
        assertThat(TestFiles.jpegMarkers(upload)).as("the upload carries EXIF").contains(APP1);
        assertThat(TestFiles.containsAscii(upload, "Exif")).isTrue();

        String id = upload("officer1", UUID.randomUUID(), "IMG_0001.JPG", "image/jpeg", upload)
                .then().statusCode(201)
                .body("kind", is("photo")).body("contentType", is("image/jpeg"))
                .body("fileName", is("IMG_0001.jpg"))
                .body("width", is(200)).body("height", is(400)).body("hasThumbnail", is(true))
                .extract().path("id");

        BufferedImage upright = servedWithoutExif(id);
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(400);
        // Rotated 90 degrees clockwise: the stored left (red) half is now on top.
        assertThat(isRed(upright.getRGB(100, 50))).isTrue();
        assertThat(isRed(upright.getRGB(100, 350))).isFalse();

        BufferedImage thumbnail = TestFiles.decode(Links.download("officer2", "/v1/attachments/" + id + "/thumbnail"));
        assertThat(thumbnail.getHeight()).isEqualTo(320);
        assertThat(thumbnail.getWidth()).isEqualTo(160);
    }

    /** Orientation 1 is the path on which the decoded pixels go to the encoder untouched: still no EXIF. */
    @Test
    void uprightPhotoWithGpsIsServedWithoutExifInItsOwnSize() {
        byte[] upload = TestFiles.jpegWithExif(TestFiles.halves(400, 200), 1);
        assertThat(TestFiles.containsAscii(upload, "Exif")).isTrue();

        String id = upload("officer1", UUID.randomUUID(), "IMG_0002.JPG", "image/jpeg", upload)
                .then().statusCode(201).body("width", is(400)).body("height", is(200))
                .extract().path("id");

        BufferedImage image = servedWithoutExif(id);
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(200);
        assertThat(isRed(image.getRGB(50, 100))).isTrue();
        assertThat(isRed(image.getRGB(350, 100))).isFalse();
    }

    @Test
    void originalKeepsItsMetadataAndNeedsManage() {
        byte[] upload = TestFiles.jpegWithExif(TestFiles.halves(300, 200), EXIF_ROTATE_90_CW);
        String id = upload("officer1", UUID.randomUUID(), "lage.jpg", "image/jpeg", upload)
                .then().statusCode(201).extract().path("id");

        byte[] original = Links.download("officer1", "/v1/attachments/" + id + "/original");
        assertThat(original).isEqualTo(upload);
        given().auth().oauth2(Tokens.of("officer2")).redirects().follow(false)
                .when().get("/v1/attachments/" + id + "/original")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void pngBecomesAJpegPhoto() {
        String id = upload("officer1", UUID.randomUUID(), null, "image/png", TestFiles.png(TestFiles.halves(640, 480)))
                .then().statusCode(201).body("fileName", is("photo.jpg"))
                .body("width", is(640)).body("height", is(480)).extract().path("id");
        BufferedImage thumbnail = TestFiles.decode(Links.download("officer1", "/v1/attachments/" + id + "/thumbnail"));
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(240);
    }

    @Test
    void retryWithTheSameClientIdReturnsTheFirstUpload() {
        UUID clientId = UUID.randomUUID();
        byte[] photo = TestFiles.jpeg(TestFiles.halves(100, 100));
        String first = upload("officer1", clientId, "a.jpg", "image/jpeg", photo).then().statusCode(201)
                .extract().path("id");
        upload("officer1", clientId, "a.jpg", "image/jpeg", photo).then().statusCode(200).body("id", is(first));
        assertThat(fixtures.count("select count(*) from attachments where client_id = $1", clientId)).isEqualTo(1);
    }

    @Test
    void multipartUploadWorksLikeTheRawBody() {
        given().auth().oauth2(Tokens.of("officer1"))
                .multiPart("clientId", UUID.randomUUID().toString())
                .multiPart("file", "einsatz.png", TestFiles.png(TestFiles.halves(50, 40)), "image/png")
                .when().post("/v1/chats/" + chatId + "/attachments")
                .then().statusCode(201).body("fileName", is("einsatz.jpg")).body("width", is(50));
    }

    @Test
    void uploadIsRefusedToNonMembersToReadersAndToUsersWithoutTheOfficerRole() {
        byte[] photo = TestFiles.jpeg(TestFiles.halves(10, 10));
        upload("officer3", UUID.randomUUID(), "a.jpg", "image/jpeg", photo)
                .then().statusCode(404).contentType("application/problem+json");
        upload("officer2", UUID.randomUUID(), "a.jpg", "image/jpeg", photo)
                .then().statusCode(403).contentType("application/problem+json");
        upload("civilian1", UUID.randomUUID(), "a.jpg", "image/jpeg", photo).then().statusCode(403);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isZero();
    }

    @Test
    void uploadIntoAClosedRoomIsAConflict() {
        fixtures.closeRoomOf(chatId);
        upload("officer1", UUID.randomUUID(), "a.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.halves(10, 10)))
                .then().statusCode(409);
    }

    @Test
    void missingOrMalformedClientIdNamesTheField() {
        given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(10, 10)))
                .when().post("/v1/chats/" + chatId + "/attachments?clientId=nope")
                .then().statusCode(400).body("errors[0].field", is("clientId"));
    }

    @Test
    void downloadsAreRefusedToNonMembersAndUsersWithoutTheOfficerRole() {
        String id = upload("officer1", UUID.randomUUID(), "a.jpg", "image/jpeg", TestFiles.jpeg(TestFiles.halves(20, 20)))
                .then().statusCode(201).extract().path("id");
        for (String path : new String[] {"", "/thumbnail", "/original"}) {
            given().auth().oauth2(Tokens.of("officer3")).redirects().follow(false)
                    .when().get("/v1/attachments/" + id + path)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Tokens.of("civilian1")).redirects().follow(false)
                    .when().get("/v1/attachments/" + id + path)
                    .then().statusCode(403);
        }
        given().auth().oauth2(Tokens.of("officer1")).redirects().follow(false)
                .when().get("/v1/attachments/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    static io.restassured.response.Response upload(String user, UUID clientId, String fileName, String contentType,
            byte[] body, UUID chat) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(contentType).body(body)
                .queryParam("clientId", clientId.toString());
        if (fileName != null) {
            request.queryParam("fileName", fileName);
        }
        return request.when().post("/v1/chats/" + chat + "/attachments");
    }

    private io.restassured.response.Response upload(String user, UUID clientId, String fileName, String contentType,
            byte[] body) {
        return upload(user, clientId, fileName, contentType, body, chatId);
    }

    /** The served copy, read by another member, after checking that it carries no EXIF. */
    private static BufferedImage servedWithoutExif(String id) {
        byte[] served = Links.download("officer2", "/v1/attachments/" + id);
        assertThat(TestFiles.jpegMarkers(served)).as("no APP1 segment in the served copy").doesNotContain(APP1);
        assertThat(TestFiles.containsAscii(served, "Exif")).isFalse();
        return TestFiles.decode(served);
    }

    private static boolean isRed(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 200 && color.getBlue() < 80;
    }
}
