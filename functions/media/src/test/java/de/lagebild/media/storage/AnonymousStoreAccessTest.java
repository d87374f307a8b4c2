package de.lagebild.media.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The local S3 server (infra/s3.sh) refuses callers without credentials: nobody lists the bucket,
 * lists the buckets or writes into it. Downloads go through presigned URLs only.
 */
class AnonymousStoreAccessTest {

    private static final String STORE = System.getProperty("lagebild.s3.url", "http://127.0.0.1:9000");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theBucketCannotBeListedWithoutCredentials() throws Exception {
        assertThat(status(HttpRequest.newBuilder(URI.create(STORE + "/lagebild?list-type=2")).GET())).isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(URI.create(STORE + "/lagebild")).GET())).isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(URI.create(STORE + "/")).GET())).isEqualTo(403);
    }

    @Test
    void nothingCanBeWrittenWithoutCredentials() throws Exception {
        assertThat(status(HttpRequest.newBuilder(URI.create(STORE + "/lagebild/chats/anonymous.txt"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")))).isEqualTo(403);
    }

    private static int status(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
