package de.lagebild.media.content;

import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses request bodies that arrive slower than {@link UploadConfig#minRate()}, raw and multipart
 * alike: from the first body byte the server reads, each {@link UploadConfig#rateWindow()} must bring
 * at least the minimum, or the request is answered 408 and its connection closed. A client that sends
 * nothing at all is closed by the HTTP idle timeout. The clock starts at the first byte read because
 * the server itself holds a raw upload's body until the caller's membership is checked. The endpoint
 * still waiting for the body then fails on the closed connection; its answer goes nowhere.
 */
@ApplicationScoped
public class SlowBodyGuard {

    /** Runs early, before the body is read by anything. */
    static final int PRIORITY = 1_000;

    private final Vertx vertx;
    private final long windowMillis;
    private final long minBytesPerWindow;

    public SlowBodyGuard(Vertx vertx, UploadConfig config) {
        this.vertx = vertx;
        this.windowMillis = config.rateWindow().toMillis();
        this.minBytesPerWindow = config.minRate().asLongValue() * windowMillis / 1000;
    }

    void register(@Observes Filters filters) {
        filters.register(this::watch, PRIORITY);
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            long[] readBefore = {-1};
            long timer = vertx.setPeriodic(windowMillis, id -> {
                if (request.isEnded() || context.response().ended()) {
                    vertx.cancelTimer(id);
                    return;
                }
                long read = request.bytesRead();
                if (readBefore[0] < 0 && read == 0) {
                    return;
                }
                if (readBefore[0] >= 0 && read - readBefore[0] < minBytesPerWindow) {
                    vertx.cancelTimer(id);
                    refuse(request, context.response());
                    return;
                }
                readBefore[0] = read;
            });
            context.addEndHandler(ignored -> vertx.cancelTimer(timer));
        }
        context.next();
    }

    private static void refuse(HttpServerRequest request, HttpServerResponse response) {
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        Problem problem = new ProblemException(ProblemKind.REQUEST_TIMEOUT, "the request body arrived too slowly")
                .toProblem();
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(problem))
                .onComplete(ignored -> request.connection().close());
    }
}
