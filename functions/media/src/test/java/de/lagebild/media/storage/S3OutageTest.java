package de.lagebild.media.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * S3 stopped during an upload: 503 with Retry-After, no message and no ready attachment pointing
 * at a missing object; once S3 is back, the retry with the same client id succeeds once. The
 * shared s3proxy is always started again.
 */
@QuarkusTest
class S3OutageTest {

    private static final Path S3_SCRIPT = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            "../.."), "infra", "s3.sh");

    @Inject
    Pool pool;

    @AfterEach
    void startS3Again() {
        s3("start");
    }

    @Test
    void uploadWhileS3IsDownIs503AndLeavesNothingVisible() {
        ChatFixtures fixtures = new ChatFixtures(pool);
        UUID chatId = fixtures.chatOf("officer1");
        UUID clientId = UUID.randomUUID();
        byte[] photo = TestFiles.jpeg(TestFiles.halves(64, 48));

        s3("stop");
        post(chatId, clientId, photo).then().statusCode(503).header("Retry-After", is("5"))
                .contentType("application/problem+json");
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1 and status = 'ready'", chatId))
                .isZero();
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isZero();

        s3("start");
        post(chatId, clientId, photo).then().statusCode(201);
        post(chatId, clientId, photo).then().statusCode(200);
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from messages where chat_id = $1", chatId)).isEqualTo(1);
    }

    private static io.restassured.response.Response post(UUID chatId, UUID clientId, byte[] photo) {
        return given().auth().oauth2(Tokens.of("officer1")).contentType("image/jpeg").body(photo)
                .queryParam("clientId", clientId.toString())
                .when().post("/v1/chats/" + chatId + "/media-messages");
    }

    private static void s3(String command) {
        try {
            Path script = S3_SCRIPT.toAbsolutePath().normalize();
            // Not inheritIO: output written straight to the forked JVM's stdout corrupts surefire's channel.
            Process process = new ProcessBuilder(script.toString(), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("infra/s3.sh " + command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
