package de.lagebild.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository the manifests are checked against: the function modules, the migrations, the realm. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("lagebild.root", "..")).toAbsolutePath().normalize();

    private static final Pattern PROPERTY = Pattern.compile("<([\\w.-]+)>([^<]*)</\\1>");

    private Repository() {
    }

    /** Every Quarkus function: each directory under functions/ with a pom.xml, except the common library. */
    static List<FunctionModule> functions() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> !dir.getFileName().toString().equals("common"))
                    .sorted()
                    .map(FunctionModule::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Flyway migrations, the one set in infra/migrations. */
    static List<Path> migrations() {
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/migrations/src/main/resources/db/migration"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property of the parent pom.xml, such as flyway.version. */
    static String parentPomProperty(String name) {
        Matcher matcher = PROPERTY.matcher(read(ROOT.resolve("pom.xml")));
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2).trim();
            }
        }
        throw new IllegalStateException("no property " + name + " in the parent pom.xml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
