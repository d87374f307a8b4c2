package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Logs are JSON in every cluster; traces leave a function only where an overlay adds the tracing component,
 * and then only to the collector's OTLP port.
 */
class ObservabilityTest {

    private static final String TRACING_EGRESS = "lagebild-functions-egress-tracing";

    @ParameterizedTest
    @MethodSource("de.lagebild.k8s.Overlay#names")
    void everyFunctionLogsJson(String overlayName) {
        JsonNode config = Overlay.rendered(overlayName).configMap("lagebild-config");
        assertThat(config.at("/data/QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()).isEqualTo("true");
    }

    @ParameterizedTest
    @MethodSource("de.lagebild.k8s.Overlay#names")
    void tracesAreSentOnlyWhereTheTracingComponentOpensTheWayToTheCollector(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        JsonNode config = overlay.configMap("lagebild-config");
        boolean tracing = !config.at("/data/QUARKUS_OTEL_SDK_DISABLED").isMissingNode();
        assertThat(overlay.find("networking.k8s.io/v1/NetworkPolicy", TRACING_EGRESS).isPresent())
                .as(overlayName + ": egress to the collector exactly when tracing is on").isEqualTo(tracing);
        if (!tracing) {
            assertThat(config.at("/data/QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").isMissingNode()).isTrue();
            return;
        }
        assertThat(config.at("/data/QUARKUS_OTEL_SDK_DISABLED").asText()).isEqualTo("false");
        assertThat(config.at("/data/QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText()).endsWith(":4318");
        JsonNode egress = overlay.get("networking.k8s.io/v1/NetworkPolicy", TRACING_EGRESS).at("/spec/egress");
        assertThat(egress).hasSize(1);
        assertThat(egress.at("/0/ports")).hasSize(1);
        assertThat(egress.at("/0/ports/0/port").asInt()).isEqualTo(4318);
        assertThat(egress.at("/0/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("observability");
    }

    @Test
    void theProductionOverlayTraces() {
        assertThat(Overlay.rendered("prod").configMap("lagebild-config").at("/data/QUARKUS_OTEL_SDK_DISABLED").asText())
                .isEqualTo("false");
    }
}
