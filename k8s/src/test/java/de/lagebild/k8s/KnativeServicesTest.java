package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every function module has a Knative Service that agrees with the build, in every overlay. */
class KnativeServicesTest {

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyFunctionModuleHasAKnativeServiceMatchingItsBuild(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        List<FunctionModule> functions = Repository.functions();
        assertThat(functions).extracting(FunctionModule::name).contains("chat", "positions", "layers", "media");

        for (FunctionModule function : functions) {
            JsonNode service = overlay.get(Overlay.KNATIVE_SERVICE, function.name());
            assertMatchesBuild(overlayName, service, function);
            if (function.hasAdminEndpoints()) {
                assertMatchesBuild(overlayName, overlay.get(Overlay.KNATIVE_SERVICE, function.name() + "-admin"), function);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKnativeServiceRunsAFunctionModule(String overlayName) {
        List<String> expected = Repository.functions().stream()
                .flatMap(f -> f.hasAdminEndpoints() ? Stream.of(f.name(), f.name() + "-admin")
                        : Stream.of(f.name()))
                .toList();
        assertThat(Overlay.rendered(overlayName).all(Overlay.KNATIVE_SERVICE))
                .extracting(s -> s.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void healthAndMetricsComeFromTheSharedLibrary() {
        // The probes and /q/metrics exist only because every function depends on common, which
        // brings SmallRye Health and the Prometheus registry.
        String common = Repository.read(Repository.ROOT.resolve("functions/common/pom.xml"));
        assertThat(common).contains("<artifactId>quarkus-smallrye-health</artifactId>",
                "<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
        for (FunctionModule function : Repository.functions()) {
            if (function.name().equals("web")) {
                // The web client has no database and no tokens: it brings the two extensions itself.
                assertThat(function.pom()).as(function.name()).contains("<artifactId>quarkus-smallrye-health</artifactId>",
                        "<artifactId>quarkus-micrometer-registry-prometheus</artifactId>");
            } else {
                assertThat(function.pom()).as(function.name()).contains("<artifactId>lagebild-common</artifactId>");
            }
        }
    }

    private static void assertMatchesBuild(String overlay, JsonNode service, FunctionModule function) {
        String where = overlay + ": " + service.at("/metadata/name").asText();
        Overlay.Workload workload = new Overlay.Workload(service, "/spec/template");
        List<Container> containers = workload.podSpec().getContainers();
        assertThat(containers).as(where).hasSize(1);
        Container container = containers.get(0);

        assertThat(function.applicationName()).as(function.name() + " quarkus.application.name")
                .isEqualTo(function.artifactId());
        String image = container.getImage();
        assertThat(image).as(where + " image").startsWith("ghcr.io/lagebild/" + function.artifactId() + ":");
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertThat(tag).as(where + " image tag (set by the overlay)").isNotBlank().isNotEqualTo("latest");

        assertThat(container.getPorts()).as(where + " ports").hasSize(1);
        assertThat(container.getPorts().get(0).getContainerPort()).as(where + " port = quarkus.http.port")
                .isEqualTo(function.httpPort());
        assertThat(container.getPorts().get(0).getName()).as(where + " port protocol").isEqualTo("http1");

        Probe readiness = container.getReadinessProbe();
        assertThat(readiness).as(where + " readiness").isNotNull();
        assertThat(readiness.getHttpGet()).as(where + " readiness httpGet").isNotNull();
        assertThat(readiness.getHttpGet().getPath()).as(where + " readiness path").isEqualTo(function.readinessPath());
        assertThat(readiness.getHttpGet().getPort().getIntVal()).as(where + " readiness port = quarkus.management.port")
                .isEqualTo(function.managementPort());
        // Knative would rewrite an HTTP liveness probe to the serving port, where /q/health is not served.
        Probe liveness = container.getLivenessProbe();
        assertThat(liveness).as(where + " liveness").isNotNull();
        assertThat(liveness.getTcpSocket()).as(where + " liveness tcpSocket").isNotNull();
        assertThat(liveness.getTcpSocket().getPort().getIntVal()).as(where + " liveness port").isEqualTo(function.httpPort());

        Map<String, String> annotations = YamlNodes.strings(workload.template().at("/metadata/annotations"));
        assertThat(annotations).as(where + " scrape annotations")
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(function.managementPort()))
                .containsEntry("prometheus.io/path", function.metricsPath());

        assertThat(container.getResources()).as(where + " resources").isNotNull();
        assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");
    }
}
