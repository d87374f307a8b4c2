package de.lagebild.positions.platform;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import de.lagebild.common.testing.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every endpoint of the function is in its OpenAPI document with a description. */
@QuarkusTest
class OpenApiTest {

    @Test
    void describesEveryEndpoint() {
        var api = ManagementInterface.given().accept("application/json").when().get("/q/openapi").then().statusCode(200);
        String[][] operations = {
                {"/v1/positions", "post"},
                {"/v1/positions/sharing", "put"},
                {"/v1/positions/sharing", "get"},
                {"/v1/chats/{chatId}/map/positions", "get"},
                {"/v1/chats/{chatId}/map/extent", "get"},
                {"/v1/chats/{chatId}/map/pois", "get"},
                {"/v1/chats/{chatId}/map/pois", "post"},
                {"/v1/chats/{chatId}/map/pois/{poiId}", "put"},
                {"/v1/chats/{chatId}/map/pois/{poiId}", "delete"},
                {"/v1/chats/{chatId}/map/tracks/{userId}", "get"},
                {"/v1/admin/positions/retention", "post"}};
        for (String[] operation : operations) {
            String path = "paths.'" + operation[0] + "'";
            api.body(path, hasKey(operation[1]))
                    .body(path + "." + operation[1] + ".summary", notNullValue());
        }
        api.body("paths.'/v1/positions'.post.responses", hasKey("400"))
                .body("components.schemas", hasKey("FixRequest"));
    }
}
