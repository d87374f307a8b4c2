package de.lagebild.load.positions;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * REST calls of the benchmark's setup against the local functions, many at once over a few
 * kept-alive connections (requests beyond them wait in the client's queue).
 */
final class LocalApi {

    private final HttpClient http;

    LocalApi(Vertx vertx, int connections) {
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** The answer's body; fails unless the status is the expected one. */
    Future<String> call(String method, String url, String token, String json, int expected) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setAbsoluteURI(url)
                .setIdleTimeout(60_000).putHeader("Authorization", "Bearer " + token);
        if (json != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return http.request(options)
                .compose(request -> json == null ? request.send() : request.send(Buffer.buffer(json)))
                .compose(response -> response.body().compose(body -> response.statusCode() == expected
                        ? Future.succeededFuture(body.toString())
                        : Future.failedFuture(method + " " + url + " answered " + response.statusCode() + ": " + body)));
    }

    /** Waits for all calls (at most ten minutes) and returns their answers in order. */
    static List<String> all(List<Future<String>> calls) throws Exception {
        Future.all(calls).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        return calls.stream().map(Future::result).toList();
    }
}
