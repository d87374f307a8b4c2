package de.lagebild.load.chat;

import de.lagebild.load.LatencyReport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the benchmark's messages over REST at a fixed rate, whatever the answers take (an open
 * model: a slow server meets a queue, not a politer client). A message's latency counts from the
 * moment it was due, which is written into its text for the members' phones.
 */
public final class MessageSender {

    private final HttpClient http;
    private final URI chat;
    private final LatencyReport acknowledged;
    private final AtomicLong errors = new AtomicLong();

    public MessageSender(Vertx vertx, String chatUrl, LatencyReport acknowledged) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(256));
        this.chat = URI.create(chatUrl);
        this.acknowledged = acknowledged;
    }

    /** Sends one text message, due at {@code dueNanos} (System.nanoTime). */
    public void send(String chatId, String token, long dueNanos) {
        String body = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"kind\":\"text\",\"body\":\""
                + MemberPhones.MARKER + dueNanos + "\"}";
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(chat.getHost()).setPort(chat.getPort())
                        .setURI("/v1/chats/" + chatId + "/messages")
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Content-Type", "application/json"))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answer -> {
                    if (answer.succeeded() && answer.result() == 201) {
                        acknowledged.recordNanos(System.nanoTime() - dueNanos);
                    } else {
                        errors.incrementAndGet();
                    }
                });
    }

    public long errors() {
        return errors.get();
    }

    public void close() {
        http.close();
    }
}
