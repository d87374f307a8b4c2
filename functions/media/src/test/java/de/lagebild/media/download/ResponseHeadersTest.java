package de.lagebild.media.download;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every media response forbids MIME sniffing and active content, whether it is a success or a refusal. */
@QuarkusTest
class ResponseHeadersTest {

    @Inject
    Pool pool;

    @Test
    void uploadsDownloadLinksAndProblemsCarryNosniffAndARestrictivePolicy() {
        UUID chatId = new ChatFixtures(pool).chatOf("officer1");
        ValidatableResponse uploaded = given().auth().oauth2(Tokens.of("officer1")).contentType("application/pdf")
                .body(TestFiles.pdf()).queryParam("clientId", UUID.randomUUID().toString())
                .when().post("/v1/chats/" + chatId + "/attachments").then().statusCode(201);
        restrictive(uploaded);
        String id = uploaded.extract().path("id");
        restrictive(given().auth().oauth2(Tokens.of("officer1")).redirects().follow(false)
                .when().get("/v1/attachments/" + id).then().statusCode(303));
        restrictive(given().auth().oauth2(Tokens.of("officer1")).redirects().follow(false)
                .when().get("/v1/attachments/" + UUID.randomUUID()).then().statusCode(404));
        restrictive(given().when().get("/v1/attachments/" + id).then().statusCode(401));
    }

    private static void restrictive(ValidatableResponse response) {
        response.header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("sandbox"));
    }
}
