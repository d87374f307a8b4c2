package de.lagebild.push.delivery;

import de.lagebild.push.webpush.WebPushConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one HTTP client of the push function, for push services and gateways alike: Vert.x's, answering
 * on its event loops. Not the JDK's {@code HttpClient}: its {@code sendAsync} completes every answer on
 * {@code CompletableFuture}'s default executor, which with two CPUs or fewer (a common pool of
 * parallelism 1, as on this project's machines and in a pod limited to two cores) starts a thread per
 * task: a thousand threads for an alarm to a thousand phones, which doubled the alarm's p99
 * (functions/push/README.md). The pool holds a connection per push in flight to one service.
 */
@ApplicationScoped
public class PushHttp {

    /** A push service's or gateway's answer: status, {@code Retry-After} (or null) and body. */
    public record Answer(int status, String retryAfter, String body) {
    }

    private final HttpClient client;
    private final long timeoutMillis;

    @Inject
    public PushHttp(Vertx vertx, WebPushConfig webPush, DeliveryConfig delivery) {
        this(vertx, webPush.timeout(), Math.max(1, delivery.batchSize()) * Math.max(1, delivery.sendingPasses()));
    }

    /**
     * A client that trusts what the JVM trusts (its default trust store) and checks that a certificate
     * names the host it reached.
     */
    PushHttp(Vertx vertx, Duration timeout, int maxPoolSize) {
        this.timeoutMillis = timeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeoutMillis)
                .setMaxPoolSize(maxPoolSize)
                .setVerifyHost(true));
    }

    /** POSTs the body to the absolute URL; fails when there is no answer within the timeout. */
    public CompletableFuture<Answer> post(URI url, Map<String, String> headers, byte[] body) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        headers.forEach(request::putHeader);
        return client.request(request)
                .compose(sending -> sending.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answered ->
                        new Answer(response.statusCode(), response.getHeader("Retry-After"), answered.toString())))
                .toCompletionStage().toCompletableFuture();
    }
}
