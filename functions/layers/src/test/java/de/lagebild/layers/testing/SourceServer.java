package de.lagebild.layers.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for a WFS or GeoJSON source (JDK HTTP server on loopback): serves files from
 * the test resources, a 500, one that never finishes answering, and redirects; counts the requests per path.
 */
public final class SourceServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();

    public SourceServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/error", exchange -> {
            byte[] body = "internal error".getBytes();
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(Duration.ofSeconds(20).toMillis());
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Serves a test resource at {@code path} with the content type. */
    public SourceServer serve(String path, String resource, String contentType) {
        server.createContext(path, exchange -> {
            hits.merge(path, 1, Integer::sum);
            try (InputStream in = SourceServer.class.getResourceAsStream(resource); OutputStream out = exchange.getResponseBody()) {
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", contentType);
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        return this;
    }

    /** Serves fixed bytes at {@code path}. */
    public SourceServer serveBytes(String path, byte[] body, String contentType) {
        server.createContext(path, exchange -> {
            hits.merge(path, 1, Integer::sum);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** Answers {@code path} with a redirect (302) to {@code location}. */
    public SourceServer redirect(String path, String location) {
        server.createContext(path, exchange -> {
            hits.merge(path, 1, Integer::sum);
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    /** How many requests reached {@code path} (served or redirecting paths). */
    public int hits(String path) {
        return hits.getOrDefault(path, 0);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
