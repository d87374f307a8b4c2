package de.lagebild.media.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Content that must not get in: each gets its own 4xx problem, and nothing is stored (no row, no object). */
@QuarkusTest
class RejectedUploadTest {

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
    }

    @AfterEach
    void nothingStored() {
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("chats/" + chatId + "/")).keyCount()).isZero();
        assertThat(s3.listObjectsV2(r -> r.bucket("lagebild").prefix("originals/chats/" + chatId + "/")).keyCount())
                .isZero();
    }

    @Test
    void pngRenamedToPdfIsRefused() {
        upload("Lagebericht.pdf", "application/octet-stream", TestFiles.png(TestFiles.halves(20, 20)))
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("PNG image"));
    }

    @Test
    void pdfThatRunsJavaScriptOnOpeningIsRefused() {
        byte[] active = TestFiles.pdf("/OpenAction << /S /JavaScript /JS (app.launchURL('http://evil.example')) >>");
        upload("Lage.pdf", "application/pdf", active)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://lagebild.de/problems/unprocessable"))
                .body("detail", containsString("active content"));
    }

    @Test
    void pdfDeclaredAsAnImageIsRefused() {
        upload("scan", "image/jpeg", TestFiles.pdf())
                .then().statusCode(415).body("detail", is("the content is a PDF document but was declared as image/jpeg"));
    }

    @Test
    void pixelFloodIsRefusedBeforeDecoding() {
        upload("flood.png", "image/png", TestFiles.pixelFloodPng())
                .then().statusCode(413).body("detail", containsString("20000 x 20000"));
    }

    @Test
    void emptyBodyIsRefused() {
        upload("a.jpg", "image/jpeg", new byte[0])
                .then().statusCode(400).body("errors[0].field", is("body"));
    }

    @Test
    void truncatedJpegIsRefused() {
        byte[] photo = TestFiles.jpeg(noise(300, 300));
        upload("cut.jpg", "image/jpeg", TestFiles.truncated(photo, 0.6))
                .then().statusCode(422).body("detail", containsString("truncated"));
    }

    @Test
    void truncatedPdfIsRefused() {
        upload("cut.pdf", "application/pdf", TestFiles.truncated(TestFiles.pdf(), 0.7))
                .then().statusCode(422).body("detail", containsString("cannot be parsed"));
    }

    @Test
    void heicIsRefusedWithAClearMessage() {
        upload("IMG_0001.HEIC", "image/heic", TestFiles.heic())
                .then().statusCode(415).body("detail", containsString("HEIC"));
    }

    @Test
    void otherContentIsRefused() {
        upload("notes.txt", "text/plain", "Lage ruhig".getBytes())
                .then().statusCode(415).body("detail", containsString("neither"));
    }

    @Test
    void photoOverTheLimitIsCutOff() {
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(large);
        byte[] jpeg = TestFiles.jpeg(TestFiles.halves(10, 10));
        System.arraycopy(jpeg, 0, large, 0, jpeg.length);
        upload("big.jpg", "image/jpeg", large)
                .then().statusCode(413).body("detail", containsString("at most 2097152 bytes"));
    }

    @Test
    void bodyOverTheLargestLimitIsCutOffWhileItStreams() {
        byte[] large = new byte[5 * 1024 * 1024];
        byte[] pdf = TestFiles.pdf();
        System.arraycopy(pdf, 0, large, 0, pdf.length);
        upload("big.pdf", "application/pdf", large)
                .then().statusCode(413).body("detail", containsString("at most 3145728 bytes"));
    }

    private io.restassured.response.Response upload(String fileName, String contentType, byte[] body) {
        return PhotoUploadTest.upload("officer1", UUID.randomUUID(), fileName, contentType, body, chatId);
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return image;
    }
}
