package de.lagebild.common.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Health, metrics and the OpenAPI document live on the function's management interface, a port of
 * their own beside the public API port. This finds that port for a test.
 */
public final class ManagementInterface {

    private static final Pattern LISTENING = Pattern.compile("Management interface listening on https?://[^:]+:(\\d+)");

    private ManagementInterface() {
    }

    /** Requests to the management interface of the application under {@code @QuarkusTest}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(portUnderTest());
    }

    /** The port Quarkus took for the management interface of the application under {@code @QuarkusTest}. */
    public static int portUnderTest() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /**
     * The port of the packaged application under {@code @QuarkusIntegrationTest}: the build's
     * Failsafe lets it take a free one, and it says which in its log, as it says its HTTP port.
     */
    public static int portOfPackagedApplication() {
        return portIn(Path.of("target", "quarkus.log"));
    }

    /** The last management port a Quarkus application logged to {@code log}. */
    static int portIn(Path log) {
        try {
            Matcher matcher = LISTENING.matcher(Files.readString(log));
            Integer port = null;
            while (matcher.find()) {
                port = Integer.valueOf(matcher.group(1));
            }
            if (port == null) {
                throw new IllegalStateException("no management interface in " + log.toAbsolutePath());
            }
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
