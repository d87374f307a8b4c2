package de.lagebild.web;

import de.lagebild.common.testing.PackagedFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The packaged chat, media and web functions as processes against the test database, as
 * infra/start.sh runs them. The web function listens on the port the dev realm's client
 * lagebild-web has as redirect URI for tests; chat and media allow exactly its origin (CORS).
 */
final class WebStack implements AutoCloseable {

    static final int WEB_PORT = 8099;
    static final String ORIGIN = "http://127.0.0.1:" + WEB_PORT;

    final PackagedFunction chat;
    final PackagedFunction media;
    final PackagedFunction web;

    private WebStack(PackagedFunction chat, PackagedFunction media, PackagedFunction web) {
        this.chat = chat;
        this.media = media;
        this.web = web;
    }

    static WebStack start() throws IOException, InterruptedException {
        String loopback = "-Dquarkus.http.host=127.0.0.1";
        List<String> cors = List.of(loopback, "-Dlagebild.web.origins=" + ORIGIN);
        PackagedFunction chat = PackagedFunction.start("web-it-chat", Path.of("..", "chat"), PackagedFunction.freePort(), cors);
        PackagedFunction media = PackagedFunction.start("web-it-media", Path.of("..", "media"), PackagedFunction.freePort(),
                List.of(loopback, "-Dlagebild.web.origins=" + ORIGIN, "-XX:+UseSerialGC"));
        PackagedFunction web = PackagedFunction.start("web-it-web", Path.of("."), WEB_PORT, List.of(loopback,
                "-Dlagebild.web.chat-url=http://127.0.0.1:" + chat.port(),
                "-Dlagebild.web.media-url=http://127.0.0.1:" + media.port()));
        return new WebStack(chat, media, web);
    }

    String url() {
        return ORIGIN + "/";
    }

    String chatUrl() {
        return "http://127.0.0.1:" + chat.port();
    }

    @Override
    public void close() {
        web.close();
        media.close();
        chat.close();
    }

    static Path module() {
        return Path.of("").toAbsolutePath();
    }
}
