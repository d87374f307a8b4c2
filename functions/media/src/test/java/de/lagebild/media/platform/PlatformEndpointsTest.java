package de.lagebild.media.platform;

import static org.hamcrest.Matchers.notNullValue;

import de.lagebild.common.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    PlatformEndpointsTest() {
        super("Lagebild media", "S3 bucket");
    }

    @Override
    protected String officersOnlyPath() {
        return "/v1/attachments/" + UUID.randomUUID();
    }

    @Test
    void openApiDescribesEveryMediaEndpoint() {
        management().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/chats/{chatId}/attachments'.post.summary", notNullValue())
                .body("paths.'/v1/chats/{chatId}/media-messages'.post.summary", notNullValue())
                .body("paths.'/v1/attachments/{attachmentId}'.get.summary", notNullValue())
                .body("paths.'/v1/attachments/{attachmentId}/thumbnail'.get.summary", notNullValue())
                .body("paths.'/v1/attachments/{attachmentId}/original'.get.summary", notNullValue())
                .body("paths.'/v1/admin/chats/{chatId}/media'.post.summary", notNullValue())
                .body("paths.'/v1/admin/media/sweep'.post.summary", notNullValue());
    }
}
