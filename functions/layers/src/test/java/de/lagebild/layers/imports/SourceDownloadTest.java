package de.lagebild.layers.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import de.lagebild.layers.testing.SourceServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The download with the production rules against a source on loopback: allowed by name, it
 * resolves to a loopback address and is never contacted, and the answer says nothing about why.
 */
class SourceDownloadTest {

    private static SourceServer server;

    @BeforeAll
    static void start() {
        byte[] empty = "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes();
        server = new SourceServer().serveBytes("/data.geojson", empty, "application/geo+json")
                .serveBytes("/internal.geojson", empty, "application/geo+json");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAllowedHostResolvingToLoopbackIsNeverContacted() {
        SourceDownload strict = new SourceDownload(config(),
                new SourcePolicy(SourcePolicyTest.config(List.of("127.0.0.1", "localhost"), false)));
        for (String url : List.of(server.url("/internal.geojson"), server.url("/internal.geojson").replace("127.0.0.1", "localhost"))) {
            assertThatExceptionOfType(ImportFailure.class).isThrownBy(() -> strict.fetch(URI.create(url)))
                    .withMessage(SourceDownload.FAILED)
                    .satisfies(failure -> assertThat(failure.kind()).isEqualTo(ImportFailure.Kind.SOURCE));
        }
        assertThat(server.hits("/internal.geojson")).isZero();
    }

    @Test
    void theSameSourceIsFetchedWhenLoopbackIsExplicitlyAllowed() {
        SourceDownload lenient = new SourceDownload(config(),
                new SourcePolicy(SourcePolicyTest.config(List.of("127.0.0.1"), true)));
        try (SourceFile file = lenient.fetch(URI.create(server.url("/data.geojson")))) {
            assertThat(file.size()).isPositive();
        }
    }

    private static ImportConfig config() {
        return new ImportConfig() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(3);
            }

            @Override
            public long maxSourceBytes() {
                return 1 << 20;
            }

            @Override
            public int batchSize() {
                return 100;
            }

            @Override
            public int maxReportedIssues() {
                return 10;
            }

            @Override
            public int maxVerticesPerFeature() {
                return 100;
            }

            @Override
            public long maxVerticesPerImport() {
                return 1_000;
            }

            @Override
            public Duration statementTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
