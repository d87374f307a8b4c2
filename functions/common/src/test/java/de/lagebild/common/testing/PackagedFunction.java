package de.lagebild.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A packaged function (target/quarkus-app) running as its own process, as a pod would: for tests across instances and functions. */
public final class PackagedFunction implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedFunction(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts this module's own packaged application. */
    public static PackagedFunction start(String name) throws IOException, InterruptedException {
        return start(name, Path.of("target", "quarkus-app", "quarkus-run.jar"));
    }

    /** Starts a packaged application, for example a sibling module's `../chat/target/quarkus-app/quarkus-run.jar`. */
    public static PackagedFunction start(String name, Path jar) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String database = System.getProperty("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/lagebild_test");
        Process process = new ProcessBuilder(List.of(java, "-Xmx192m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=" + database,
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PackagedFunction instance = new PackagedFunction(name, process, port, log);
        instance.awaitReady();
        return instance;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Like a node failure: no shutdown, sockets drop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the instance as Kubernetes would (SIGTERM, then SIGKILL after a grace period). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready within 60 s; see " + new File(log.toString()).getAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
