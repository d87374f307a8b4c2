package de.lagebild.web;

import de.lagebild.common.testing.OtlpTraceReceiver;
import de.lagebild.common.testing.PackagedFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The packaged chat, media, positions, layers and web functions as processes against the test
 * database, as infra/start.sh runs them (started side by side), and the push function where a test
 * asks for it. The web function listens on the port the dev realm's client lagebild-web has as
 * redirect URI for tests; the others allow exactly its origin (CORS). The own position is shared
 * every second (after 25 m) so the tests need not wait.
 */
final class WebStack implements AutoCloseable {

    static final int WEB_PORT = 8099;
    static final String ORIGIN = "http://127.0.0.1:" + WEB_PORT;

    final PackagedFunction chat;
    final PackagedFunction media;
    final PackagedFunction positions;
    final PackagedFunction layers;
    final PackagedFunction web;
    /** Only in a stack started {@link #withPush}. */
    final PackagedFunction push;

    private WebStack(PackagedFunction chat, PackagedFunction media, PackagedFunction positions, PackagedFunction layers,
            PackagedFunction push, PackagedFunction web) {
        this.chat = chat;
        this.media = media;
        this.positions = positions;
        this.layers = layers;
        this.push = push;
        this.web = web;
    }

    static WebStack start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /** With settings of the chat function's own besides (for example shorter order timings). */
    static WebStack start(List<String> chatSettings) throws IOException, InterruptedException {
        return start(chatSettings, null, List.of());
    }

    /** With the push function besides, holding this VAPID key pair, and the web client subscribing there. */
    static WebStack withPush(VapidKeyPair vapid) throws IOException, InterruptedException {
        return start(List.of(), vapid, List.of());
    }

    /** With tracing on in chat, media, positions and layers, exporting to this collector as a cluster's would. */
    static WebStack tracedTo(OtlpTraceReceiver collector) throws IOException, InterruptedException {
        return start(List.of(), null, List.of("-Dquarkus.otel.sdk.disabled=false",
                "-Dquarkus.otel.exporter.otlp.endpoint=" + collector.endpoint(), "-Dquarkus.otel.bsp.schedule.delay=100ms"));
    }

    private static WebStack start(List<String> chatSettings, VapidKeyPair vapid, List<String> backEndSettings)
            throws IOException, InterruptedException {
        List<String> backEnd = new ArrayList<>(List.of("-Dquarkus.http.host=127.0.0.1", "-Dlagebild.web.origins=" + ORIGIN));
        backEnd.addAll(backEndSettings);
        CompletableFuture<PackagedFunction> chat = startAsync("web-it-chat", "chat", with(backEnd, chatSettings));
        List<String> small = with(backEnd, List.of("-XX:+UseSerialGC"));
        CompletableFuture<PackagedFunction> media = startAsync("web-it-media", "media", small);
        CompletableFuture<PackagedFunction> positions = startAsync("web-it-positions", "positions", small);
        CompletableFuture<PackagedFunction> layers = startAsync("web-it-layers", "layers", small);
        CompletableFuture<PackagedFunction> push = vapid == null ? CompletableFuture.completedFuture(null)
                : startAsync("web-it-push", "push", with(small, List.of(
                        "-Dlagebild.push.vapid.public-key=" + vapid.publicKey(), "-Dlagebild.push.vapid.private-key=" + vapid.privateKey(),
                        // Chromium builds without Google's API keys (Debian's) subscribe at jmt17.google.com, Google Chrome at
                        // fcm.googleapis.com; the push function's default lists only the latter.
                        "-Dlagebild.push.web-push.endpoint-hosts=fcm.googleapis.com,jmt17.google.com")));
        try {
            List<String> webSettings = new ArrayList<>(List.of("-Dquarkus.http.host=127.0.0.1",
                    "-Dlagebild.web.chat-url=http://127.0.0.1:" + chat.join().port(),
                    "-Dlagebild.web.media-url=http://127.0.0.1:" + media.join().port(),
                    "-Dlagebild.web.positions-url=http://127.0.0.1:" + positions.join().port(),
                    "-Dlagebild.web.layers-url=http://127.0.0.1:" + layers.join().port(),
                    "-Dlagebild.web.map.share-interval=1s"));
            if (push.join() != null) {
                webSettings.add("-Dlagebild.web.push-url=http://127.0.0.1:" + push.join().port());
            }
            PackagedFunction web = PackagedFunction.start("web-it-web", Path.of("."), WEB_PORT, webSettings);
            return new WebStack(chat.join(), media.join(), positions.join(), layers.join(), push.join(), web);
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (CompletableFuture<PackagedFunction> started : List.of(chat, media, positions, layers, push)) {
                started.thenAccept(function -> {
                    if (function != null) {
                        function.close();
                    }
                });
            }
            throw e;
        }
    }

    private static List<String> with(List<String> settings, List<String> more) {
        List<String> all = new ArrayList<>(settings);
        all.addAll(more);
        return all;
    }

    private static CompletableFuture<PackagedFunction> startAsync(String name, String module, List<String> settings) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return PackagedFunction.startOnFreePort(name, Path.of("..", module), settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    String url() {
        return ORIGIN + "/";
    }

    String chatUrl() {
        return "http://127.0.0.1:" + chat.port();
    }

    String positionsUrl() {
        return "http://127.0.0.1:" + positions.port();
    }

    String layersUrl() {
        return "http://127.0.0.1:" + layers.port();
    }

    String pushUrl() {
        return "http://127.0.0.1:" + push.port();
    }

    @Override
    public void close() {
        web.close();
        if (push != null) {
            push.close();
        }
        layers.close();
        positions.close();
        media.close();
        chat.close();
    }

    static Path module() {
        return Path.of("").toAbsolutePath();
    }
}
