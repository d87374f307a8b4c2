package de.lagebild.common.testing;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** A packaged function (JVM jar or native executable) running as its own process, as a pod would: for tests across instances and functions. */
public final class PackagedFunction implements AutoCloseable {

    /** How long a start may take (-Dlagebild.test.start-seconds; a busy shared machine needs more than 60 s). */
    private static final long START_SECONDS = Long.getLong("lagebild.test.start-seconds", 60);

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private PackagedFunction(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts this module's own packaged application. */
    public static PackagedFunction start(String name) throws IOException, InterruptedException {
        return start(name, Path.of("."));
    }

    /**
     * Starts the packaged application of a module, for example a sibling's {@code Path.of("..", "chat")}:
     * the JVM jar or the native executable, whichever the module's last build made (its
     * target/quarkus-artifact.properties, as {@code @QuarkusIntegrationTest} decides).
     */
    public static PackagedFunction start(String name, Path module) throws IOException, InterruptedException {
        return startOnFreePort(name, module, List.of());
    }

    /**
     * Starts a module's packaged application on a free port with extra system properties ({@code -Dkey=value});
     * {@link #port()} tells which. A start that fails is retried on another free port, since the one found free
     * may have been taken before the function bound it (by a function starting beside it, or as the local port
     * of some connection).
     */
    public static PackagedFunction startOnFreePort(String name, Path module, List<String> extraSettings)
            throws IOException, InterruptedException {
        return start(name, module, PackagedFunction::freePort, extraSettings);
    }

    /**
     * Starts a module's packaged application on the given port with extra system properties ({@code -Dkey=value}).
     * A process that exits before it is ready is started once more (on a new management port, the HTTP port
     * being the caller's): with several functions starting side by side, a port found free may be taken before
     * the function binds it. The failed start's log is kept beside ({@code <name>-failed-start.log}) and its
     * end printed.
     */
    public static PackagedFunction start(String name, Path module, int port, List<String> extraSettings)
            throws IOException, InterruptedException {
        return start(name, module, () -> port, extraSettings);
    }

    private static PackagedFunction start(String name, Path module, PortChoice port, List<String> extraSettings)
            throws IOException, InterruptedException {
        try {
            return startOnce(name, module, port.next(), extraSettings);
        } catch (ExitedBeforeReady first) {
            Files.copy(first.log, Path.of("target", name + "-failed-start.log"), StandardCopyOption.REPLACE_EXISTING);
            System.err.println(first.getMessage() + "; starting it once more. The end of its log:\n" + first.logTail);
            return startOnce(name, module, port.next(), extraSettings);
        }
    }

    /** The HTTP port of one start: the same each time for a given port, a new free one for {@link #startOnFreePort}. */
    @FunctionalInterface
    private interface PortChoice {
        int next() throws IOException;
    }

    private static PackagedFunction startOnce(String name, Path module, int port, List<String> extraSettings)
            throws IOException, InterruptedException {
        int managementPort = freePort();
        Path log = Path.of("target", name + ".log");
        String database = System.getProperty("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/lagebild_test");
        List<String> settings = new ArrayList<>(List.of("-Xmx192m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.datasource.reactive.url=" + database));
        settings.addAll(extraSettings);
        Process process = new ProcessBuilder(command(module.resolve("target"), settings))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PackagedFunction instance = new PackagedFunction(name, process, port, managementPort, log);
        instance.awaitReady();
        return instance;
    }

    private static List<String> command(Path target, List<String> settings) throws IOException {
        Path description = target.resolve("quarkus-artifact.properties");
        if (!Files.exists(description)) {
            throw new IllegalStateException("nothing packaged in " + target.toAbsolutePath() + ": run mvn package first");
        }
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(description)) {
            artifact.load(reader);
        }
        Path path = target.resolve(artifact.getProperty("path"));
        List<String> command = new ArrayList<>();
        switch (artifact.getProperty("type")) {
            case "native" -> {
                command.add(path.toString());
                command.addAll(settings);
            }
            case "jar" -> {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(settings);
                command.addAll(List.of("-jar", path.toString()));
            }
            default -> throw new IllegalStateException("cannot run a " + artifact.getProperty("type") + " artifact ("
                    + description.toAbsolutePath() + ")");
        }
        return command;
    }

    public int port() {
        return port;
    }

    /** The management interface: health, metrics, OpenAPI. */
    public int managementPort() {
        return managementPort;
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ExitedBeforeReady(name, log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
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
        throw new IllegalStateException(name + " not ready within " + START_SECONDS + " s; see " + new File(log.toString()).getAbsolutePath());
    }

    /** A port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The process ended before its readiness probe answered; the message names its log, {@link #logTail} is its end. */
    static final class ExitedBeforeReady extends IllegalStateException {

        private static final long serialVersionUID = 1L;
        private static final int TAIL_LINES = 40;
        private final transient Path log;
        private final String logTail;

        ExitedBeforeReady(String name, Path log) {
            super(name + " exited before it was ready; see " + log.toAbsolutePath());
            this.log = log;
            this.logTail = tail(log);
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
            } catch (IOException | UncheckedIOException e) {
                return "(log not readable: " + e.getMessage() + ")";
            }
        }
    }
}
