package de.lagebild.media.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that trickles its upload in (a byte every half second, as a slowloris attack does) is
 * answered 408 and its connection closed within two rate windows (3 s in tests), raw body or multipart,
 * and nothing is stored.
 */
@QuarkusTest
class SlowUploadTest {

    @Inject
    Pool pool;

    @TestHTTPResource
    URL server;

    /** A raw body, and a multipart body (which Quarkus reads before the endpoint runs). */
    enum Body {
        RAW("application/pdf", ""),
        MULTIPART("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\n"
                + UUID.randomUUID() + "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n");

        final String contentType;
        final String start;

        Body(String contentType, String start) {
            this.contentType = contentType;
            this.start = start;
        }
    }

    @ParameterizedTest
    @EnumSource(Body.class)
    void aTricklingBodyIsRefusedAndItsConnectionClosed(Body body) throws IOException {
        ChatFixtures fixtures = new ChatFixtures(pool);
        UUID chatId = fixtures.chatOf("officer1");
        String head = "POST /v1/chats/" + chatId + "/attachments?clientId=" + UUID.randomUUID() + "&fileName=a.pdf HTTP/1.1\r\n"
                + "Host: " + server.getHost() + "\r\n"
                + "Authorization: Bearer " + Tokens.of("officer1") + "\r\n"
                + "Content-Type: " + body.contentType + "\r\n"
                + "Content-Length: 100000\r\n\r\n" + body.start;
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write('%');
                    out.flush();
                } catch (IOException closedByServer) {
                    trickle.shutdown();
                }
            }, 0, 500, TimeUnit.MILLISECONDS);

            String answer = readUntilClosed(socket.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
                    .contains("request-timeout");
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        } finally {
            trickle.shutdownNow();
        }
        assertThat(fixtures.count("select count(*) from attachments where chat_id = $1", chatId)).isZero();
    }

    /** What the server sent before it closed the connection (a reset after the answer ends it too). */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                answer.write(chunk, 0, n);
            }
        } catch (SocketException reset) {
            // the server closed while the client was still sending
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
