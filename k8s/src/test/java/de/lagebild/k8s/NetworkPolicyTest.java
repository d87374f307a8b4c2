package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Functions reach only what they need: open-ended egress exists only where a function must leave the cluster. */
class NetworkPolicyTest {

    /** media talks to S3 and layers fetches import sources, both outside the cluster and over HTTP(S). */
    private static final Set<String> LEAVING_THE_CLUSTER = Set.of("media", "layers");

    /** Knative's queue-proxy serves the request metrics of a revision here. */
    private static final int QUEUE_PROXY_METRICS_PORT = 9091;

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void egressToAnyAddressOnlyForMediaAndLayersOverHttp(String overlayName) {
        for (JsonNode policy : Overlay.rendered(overlayName).all("networking.k8s.io/v1/NetworkPolicy")) {
            String name = policy.at("/metadata/name").asText();
            String function = policy.at("/spec/podSelector/matchLabels").path("lagebild.de/function").asText();
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (rule.has("to")) {
                    continue;
                }
                assertThat(function).as(name + ": egress to any address").isIn(LEAVING_THE_CLUSTER);
                assertThat(rule.path("ports").findValues("port")).as(name + " ports").isNotEmpty()
                        .allSatisfy(port -> assertThat(port.asInt()).isIn(80, 443));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void functionsAcceptTrafficOnlyFromKnativeAndMonitoring(String overlayName) {
        JsonNode ingress = Overlay.rendered(overlayName).get("networking.k8s.io/v1/NetworkPolicy", "lagebild-functions-ingress");
        for (JsonNode rule : ingress.at("/spec/ingress")) {
            assertThat(rule.has("from")).isTrue();
            assertThat(rule.path("from").findValuesAsText("kubernetes.io/metadata.name"))
                    .isSubsetOf("knative-serving", "kourier-system", "monitoring");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void monitoringReachesOnlyTheManagementPortsAndTheQueueProxysMetrics(String overlayName) {
        JsonNode ingress = Overlay.rendered(overlayName).get("networking.k8s.io/v1/NetworkPolicy", "lagebild-functions-ingress");
        List<Integer> managementPorts = Stream.concat(Repository.functions().stream().map(FunctionModule::managementPort),
                Stream.of(QUEUE_PROXY_METRICS_PORT)).toList();
        for (JsonNode rule : ingress.at("/spec/ingress")) {
            if (rule.path("from").findValuesAsText("kubernetes.io/metadata.name").contains("monitoring")) {
                assertThat(rule.path("ports").findValues("port")).as("ports open to monitoring")
                        .extracting(JsonNode::asInt).containsExactlyInAnyOrderElementsOf(managementPorts);
            }
        }
    }
}
