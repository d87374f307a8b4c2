package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each function scales on what drives its load (docs/ARCHITECTURE.md "Shape"), and the database can take it. */
class ScalingTest {

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void chatStaysWarmAndAcceptsLongLivedSockets(String overlayName) {
        JsonNode chat = Overlay.rendered(overlayName).get(Overlay.KNATIVE_SERVICE, "chat");
        assertThat(Integer.parseInt(YamlNodes.autoscaling(chat, "min-scale"))).as("chat min-scale").isGreaterThanOrEqualTo(1);
        assertThat(YamlNodes.autoscaling(chat, "metric")).isEqualTo("concurrency");
        // A socket is one request for Knative: no hard limit that would park new sockets behind open ones.
        assertThat(chat.at("/spec/template/spec/containerConcurrency").asInt()).as("chat containerConcurrency").isZero();
        assertThat(chat.at("/spec/template/spec/timeoutSeconds").asInt()).as("chat socket lifetime").isGreaterThanOrEqualTo(600);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void positionsScalesOnConcurrentRequests(String overlayName) {
        JsonNode positions = Overlay.rendered(overlayName).get(Overlay.KNATIVE_SERVICE, "positions");
        assertThat(YamlNodes.autoscaling(positions, "metric")).isEqualTo("concurrency");
        assertThat(Integer.parseInt(YamlNodes.autoscaling(positions, "target"))).isGreaterThanOrEqualTo(50);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void mediaScalesOutBeforeUploadsQueueForTheCores(String overlayName) {
        JsonNode media = Overlay.rendered(overlayName).get(Overlay.KNATIVE_SERVICE, "media");
        assertThat(YamlNodes.autoscaling(media, "metric")).isEqualTo("concurrency");
        // Two uploads saturate a 2-core pod; past that, latency grows and throughput does not.
        assertThat(Integer.parseInt(YamlNodes.autoscaling(media, "target"))).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void layersMediaAndAdminServicesMayScaleToZero(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        for (JsonNode service : overlay.all(Overlay.KNATIVE_SERVICE)) {
            String name = service.at("/metadata/name").asText();
            if (name.equals("layers") || name.equals("media") || name.endsWith("-admin")) {
                assertThat(YamlNodes.autoscaling(service, "min-scale")).as(name + " min-scale").isEqualTo("0");
            }
            assertThat(YamlNodes.autoscaling(service, "max-scale")).as(name + " max-scale").isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodAtMaximumScaleGetsItsDatabaseConnections(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        Map<String, String> config = YamlNodes.strings(overlay.configMap("lagebild-config").path("data"));
        int pool = Integer.parseInt(config.get("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"));
        int maxConnections = overlay.get("postgresql.cnpg.io/v1/Cluster", "lagebild-db")
                .at("/spec/postgresql/parameters/max_connections").asInt();
        int needed = overlay.all(Overlay.KNATIVE_SERVICE).stream()
                .filter(YamlNodes::servesTheApi)
                .mapToInt(s -> Integer.parseInt(YamlNodes.autoscaling(s, "max-scale")) * (pool + 1)) // + the bus connection
                .sum();
        // Keep a tenth for the migration Job, replication and an administrator's psql.
        assertThat(needed).as("connections at max-scale").isLessThanOrEqualTo(maxConnections * 9 / 10);
    }
}
