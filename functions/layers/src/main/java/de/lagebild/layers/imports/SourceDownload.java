package de.lagebild.layers.imports;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
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
 * configured connect and read timeouts and size limit. The URL and every redirect target must pass
 * the {@link SourcePolicy}; redirects are followed here, not by the HTTP client, so that each is
 * checked. Every failure gives the same neutral text (the details go to the log): the answer must
 * not tell an admin, or whoever took over an admin's account, what listens where inside the network.
 * Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class SourceDownload {

    /** The one text of every failed fetch. */
    static final String FAILED = "the source could not be fetched";

    private static final String ACCEPT = "application/gml+xml, application/geo+json, application/json;q=0.9, "
            + "text/xml;q=0.8, application/xml;q=0.8, */*;q=0.1";

    private final ImportConfig config;
    private final SourcePolicy policy;
    private final HttpClient http;

    public SourceDownload(ImportConfig config, SourcePolicy policy) {
        this.config = config;
        this.policy = policy;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public SourceFile fetch(URI url) {
        long deadline = System.nanoTime() + config.readTimeout().toNanos();
        URI next = url;
        for (int redirects = 0; ; redirects++) {
            String refusal = policy.refusalOf(next);
            if (refusal != null) {
                throw failed(url, refusal);
            }
            Fetched fetched = fetchOnce(url, next, deadline);
            if (fetched.file() != null) {
                return fetched.file();
            }
            if (redirects >= policy.maxRedirects()) {
                throw failed(url, "more than " + policy.maxRedirects() + " redirects");
            }
            next = fetched.redirect();
        }
    }

    /** One request: the file, or where a redirect points. */
    private record Fetched(SourceFile file, URI redirect) {
    }

    private Fetched fetchOnce(URI original, URI url, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw failed(original, "timed out");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofNanos(remaining))
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
            HttpResponse<SourceFile> answer = response.get(remaining, TimeUnit.NANOSECONDS);
            if (answer.statusCode() == 200) {
                return new Fetched(answer.body(), null);
            }
            if (isRedirect(answer.statusCode())) {
                return new Fetched(null, redirectOf(original, url, answer));
            }
            throw failed(original, "HTTP " + answer.statusCode() + " from " + url);
        } catch (TimeoutException e) {
            response.cancel(true);
            ImportFailure failure = failed(original, "timed out");
            if (receiving.get() != null) {
                receiving.get().onError(failure);   // deletes what was written so far
            }
            throw failure;
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw failed(original, "interrupted");
        } catch (ExecutionException e) {
            throw failed(original, String.valueOf(e.getCause()));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private URI redirectOf(URI original, URI url, HttpResponse<?> answer) {
        String location = answer.headers().firstValue("Location").orElse(null);
        if (location == null) {
            throw failed(original, "redirect without Location from " + url);
        }
        try {
            return url.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw failed(original, "redirect to an invalid URL from " + url);
        }
    }

    private static ImportFailure failed(URI url, String detail) {
        Log.infof("layer source %s failed: %s", url, detail);
        return ImportFailure.source(FAILED);
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
