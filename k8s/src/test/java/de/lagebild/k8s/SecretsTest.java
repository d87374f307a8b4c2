package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Credentials are referenced by Secret name, never committed (docs/CONVENTIONS.md). */
class SecretsTest {

    private static final Pattern CREDENTIAL = Pattern.compile("(PASSWORD|SECRET|ACCESS_KEY_ID|TOKEN|CREDENTIALS)$",
            Pattern.CASE_INSENSITIVE);

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretObjectIsRendered(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        assertThat(overlay.resources()).as("Secrets with values belong to the cluster, not the repository")
                .noneMatch(r -> r.path("kind").asText().equals("Secret"))
                .noneMatch(r -> r.has("stringData"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void credentialsInTheEnvironmentComeFromSecrets(String overlayName) {
        for (Overlay.Workload workload : Overlay.rendered(overlayName).workloads()) {
            for (Container container : workload.podSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (CREDENTIAL.matcher(env.getName()).find()) {
                        assertThat(env.getValue()).as(workload.name() + " " + env.getName() + " value").isNull();
                        assertThat(env.getValueFrom()).as(workload.name() + " " + env.getName()).isNotNull();
                        assertThat(env.getValueFrom().getSecretKeyRef())
                                .as(workload.name() + " " + env.getName() + " secretKeyRef").isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void configMapsCarryNoCredentials(String overlayName) {
        for (JsonNode configMap : Overlay.rendered(overlayName).all("v1/ConfigMap")) {
            assertThat(YamlNodes.strings(configMap.path("data")).keySet())
                    .as(configMap.at("/metadata/name").asText())
                    .noneMatch(key -> CREDENTIAL.matcher(key).find());
        }
    }
}
