package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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

    /** Import sources are fetched from public addresses only: never the cluster's networks or the metadata address. */
    @ParameterizedTest
    @MethodSource("overlays")
    void layersReachNoPrivateLoopbackOrLinkLocalAddress(String overlayName) {
        JsonNode policy = Overlay.rendered(overlayName).get("networking.k8s.io/v1/NetworkPolicy", "lagebild-layers-egress-sources");
        JsonNode egress = policy.at("/spec/egress");
        assertThat(egress).isNotEmpty();
        for (JsonNode rule : egress) {
            assertPublicAddressesOnly(rule);
        }
    }

    /** push reaches the push services at public addresses over HTTPS, and the gateway's pods: nothing else. */
    @ParameterizedTest
    @MethodSource("overlays")
    void pushReachesPublicPushServicesOverHttpsAndTheGatewayOnly(String overlayName) {
        JsonNode policy = Overlay.rendered(overlayName).get("networking.k8s.io/v1/NetworkPolicy", "lagebild-push-egress");
        JsonNode egress = policy.at("/spec/egress");
        assertThat(egress).hasSize(2);
        assertPublicAddressesOnly(egress.get(0));
        assertThat(egress.get(0).path("ports").findValues("port")).extracting(JsonNode::asInt).containsExactly(443);
        assertThat(egress.get(1).at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("sygnal");
    }

    private static void assertPublicAddressesOnly(JsonNode rule) {
        assertThat(rule.has("to")).as("egress to any address").isTrue();
        for (JsonNode to : rule.path("to")) {
            String cidr = to.at("/ipBlock/cidr").asText();
            List<String> except = textsOf(to.at("/ipBlock/except"));
            if (cidr.equals("0.0.0.0/0")) {
                assertThat(except).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
                        "169.254.0.0/16", "100.64.0.0/10");
            } else {
                assertThat(cidr).isEqualTo("::/0");
                assertThat(except).contains("::1/128", "fc00::/7", "fe80::/10", "::ffff:0:0/96");
            }
        }
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
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
