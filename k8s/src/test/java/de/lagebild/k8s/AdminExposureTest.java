package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * /v1/admin/... never leaves the cluster through a public route: the public services refuse it and
 * the admin services are cluster-local. Every Lagebild pod is under the default-deny policy.
 */
class AdminExposureTest {

    private static final String VISIBILITY = "networking.knative.dev/visibility";

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void publicServicesRefuseAdminPaths(String overlayName) {
        for (JsonNode service : Overlay.rendered(overlayName).all(Overlay.KNATIVE_SERVICE)) {
            String name = service.at("/metadata/name").asText();
            if (isClusterLocal(service) || !YamlNodes.servesTheApi(service)) {
                continue;
            }
            Map<String, String> env = env(service);
            assertThat(env).as(name + " is public: it must deny /v1/admin")
                    .containsEntry("QUARKUS_HTTP_AUTH_PERMISSION_ADMIN_POLICY", "deny");
            assertThat(List.of(env.getOrDefault("QUARKUS_HTTP_AUTH_PERMISSION_ADMIN_PATHS", "").split(",")))
                    .as(name + " denied paths").contains("/v1/admin", "/v1/admin/*");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void adminServicesAreClusterLocal(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        for (FunctionModule function : Repository.functions()) {
            if (function.hasAdminEndpoints()) {
                JsonNode admin = overlay.get(Overlay.KNATIVE_SERVICE, function.name() + "-admin");
                assertThat(isClusterLocal(admin)).as(function.name() + "-admin is cluster-local").isTrue();
                assertThat(env(admin)).as(function.name() + "-admin serves /v1/admin")
                        .doesNotContainKey("QUARKUS_HTTP_AUTH_PERMISSION_ADMIN_POLICY");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyLagebildPodIsUnderTheDefaultDenyPolicy(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        JsonNode deny = overlay.get("networking.k8s.io/v1/NetworkPolicy", "lagebild-default-deny");
        Map<String, String> selector = YamlNodes.strings(deny.at("/spec/podSelector/matchLabels"));
        assertThat(deny.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.at("/spec/ingress").isMissingNode()).isTrue();
        assertThat(deny.at("/spec/egress").isMissingNode()).isTrue();
        for (Overlay.Workload workload : overlay.workloads()) {
            assertThat(YamlNodes.strings(workload.template().at("/metadata/labels")))
                    .as(workload.name() + " pod labels").containsAllEntriesOf(selector);
        }
    }

    private static boolean isClusterLocal(JsonNode service) {
        return "cluster-local".equals(service.at("/metadata/labels").path(VISIBILITY).asText());
    }

    private static Map<String, String> env(JsonNode service) {
        return new Overlay.Workload(service, "/spec/template").podSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
