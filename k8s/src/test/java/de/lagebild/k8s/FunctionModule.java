package de.lagebild.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the build says about one function: its artifact (the image name), its HTTP port, its
 * application name, the management port and where Quarkus serves health and metrics on it, and its
 * Java sources.
 */
record FunctionModule(String name, String artifactId, String applicationName, int httpPort, int managementPort,
        String readinessPath, String metricsPath, String pom, String sources) {

    private static final Pattern ARTIFACT_ID = Pattern.compile(
            "</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    static FunctionModule read(Path dir) {
        String pom = Repository.read(dir.resolve("pom.xml"));
        Matcher artifact = ARTIFACT_ID.matcher(pom);
        if (!artifact.find()) {
            throw new IllegalStateException("no artifactId in " + dir.resolve("pom.xml"));
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repository.read(dir.resolve("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String managementRoot = "/" + strip(properties.getProperty("quarkus.management.root-path", "q"));
        String health = managementRoot + "/" + strip(properties.getProperty("quarkus.smallrye-health.root-path", "health"));
        return new FunctionModule(
                dir.getFileName().toString(),
                artifact.group(1).trim(),
                properties.getProperty("quarkus.application.name"),
                Integer.parseInt(properties.getProperty("quarkus.http.port", "8080")),
                Integer.parseInt(properties.getProperty("quarkus.management.port", "9000")),
                health + "/" + strip(properties.getProperty("quarkus.smallrye-health.readiness-path", "ready")),
                managementRoot + "/" + strip(properties.getProperty("quarkus.micrometer.export.prometheus.path", "metrics")),
                pom,
                javaSources(dir.resolve("src/main/java")));
    }

    /** The function serves something under /v1/admin/: it gets a cluster-local admin service. */
    boolean hasAdminEndpoints() {
        return sources.contains("@Path(\"/v1/admin");
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(Repository::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
