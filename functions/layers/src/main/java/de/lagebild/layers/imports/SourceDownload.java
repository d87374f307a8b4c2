package de.lagebild.layers.imports;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a layer's source (a WFS GetFeature or GeoJSON URL) into a {@link SourceFile}, within the
 * configured connect and read timeouts and size limit. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class SourceDownload {

    private static final String ACCEPT = "application/gml+xml, application/geo+json, application/json;q=0.9, "
            + "text/xml;q=0.8, application/xml;q=0.8, */*;q=0.1";

    private final ImportConfig config;
    private final HttpClient http;

    public SourceDownload(ImportConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public SourceFile fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.readTimeout())
                .header("Accept", ACCEPT)
                .GET()
                .build();
        AtomicReference<ToFile> receiving = new AtomicReference<>();
        CompletableFuture<HttpResponse<SourceFile>> response = http.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            receiving.set(new ToFile(new SourceFileWriter(config.maxSourceBytes())));
            return receiving.get();
        });
        try {
            HttpResponse<SourceFile> answer = response.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (answer.statusCode() != 200) {
                throw ImportFailure.source("the source answered HTTP " + answer.statusCode());
            }
            return answer.body();
        } catch (TimeoutException e) {
            response.cancel(true);
            ImportFailure failure = timedOut();
            if (receiving.get() != null) {
                receiving.get().onError(failure);   // deletes what was written so far
            }
            throw failure;
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw ImportFailure.source("the import was interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private ImportFailure timedOut() {
        return ImportFailure.source("the source did not send its data within " + config.readTimeout().toSeconds() + " s");
    }

    private ImportFailure failure(Throwable cause) {
        if (cause instanceof ImportFailure failure) {
            return failure;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return ImportFailure.source("could not connect to the source within " + config.connectTimeout().toSeconds() + " s");
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof ConnectException) {
            return ImportFailure.source("could not connect to the source");
        }
        if (cause instanceof IOException) {
            Log.infof("layer source failed: %s", cause.toString());
            return ImportFailure.source("the source failed: " + cause.getMessage());
        }
        return ImportFailure.source("the source failed");
    }

    /** Streams the body into a source file; the size limit cancels an oversized download early. */
    private static final class ToFile implements HttpResponse.BodySubscriber<SourceFile> {

        private final SourceFileWriter writer;
        private final CompletableFuture<SourceFile> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        ToFile(SourceFileWriter writer) {
            this.writer = writer;
        }

        @Override
        public CompletionStage<SourceFile> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    writer.write(buffer);
                }
                subscription.request(1);
            } catch (IOException | RuntimeException e) {
                subscription.cancel();
                onError(e);
            }
        }

        @Override
        public void onError(Throwable failure) {
            try {
                writer.close();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            try {
                body.complete(writer.finish());
            } catch (IOException e) {
                onError(e);
            }
        }
    }
}
