package de.lagebild.media.download;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ChatFixtures.Access;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The presigned link as JSON, for browsers: same permissions as the redirects. */
@QuarkusTest
class LinkTest {

    @Inject
    Pool pool;

    private ChatFixtures fixtures;
    private UUID chatId;
    private String photoId;

    @BeforeEach
    void photo() {
        fixtures = new ChatFixtures(pool);
        chatId = fixtures.chatOf("officer1");
        fixtures.addMember(chatId, "officer2", Access.READ);
        photoId = given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(640, 480)))
                .when().post("/v1/chats/" + chatId + "/attachments?clientId=" + UUID.randomUUID() + "&fileName=a.jpg")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void memberGetsAThumbnailLinkThatLoadsWithoutToken() {
        String url = given().auth().oauth2(Tokens.of("officer2"))
                .when().get("/v1/attachments/" + photoId + "/link?variant=thumbnail")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .extract().path("url");
        BufferedImage thumbnail = TestFiles.decode(Links.fetch(url).body());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
    }

    @Test
    void servedIsTheDefault() {
        String url = given().auth().oauth2(Tokens.of("officer1"))
                .when().get("/v1/attachments/" + photoId + "/link")
                .then().statusCode(200).extract().path("url");
        assertThat(TestFiles.decode(Links.fetch(url).body()).getWidth()).isEqualTo(640);
    }

    @Test
    void outsiderLearnsNothingAndAnUnknownVariantIsABadRequest() {
        given().auth().oauth2(Tokens.of("officer3"))
                .when().get("/v1/attachments/" + photoId + "/link?variant=thumbnail")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("officer1"))
                .when().get("/v1/attachments/" + photoId + "/link?variant=poster")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("officer2"))
                .when().get("/v1/attachments/" + photoId + "/link?variant=original")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
