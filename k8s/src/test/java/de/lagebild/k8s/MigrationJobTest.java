package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema comes from the one set of Flyway migrations, applied by a Job to the PostGIS cluster. */
class MigrationJobTest {

    private static final String RELEASE_STEP = "lagebild.de/release-step";

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theJobRunsTheBuildsFlywayOnEveryMigrationFile(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        Overlay.Workload job = new Overlay.Workload(overlay.get("batch/v1/Job", "lagebild-migrate"), "/spec/template");
        PodSpec pod = job.podSpec();
        Container flyway = pod.getContainers().get(0);
        assertThat(flyway.getImage()).isEqualTo("flyway/flyway:" + Repository.parentPomProperty("flyway.version"));
        assertThat(flyway.getArgs()).containsExactly("migrate");

        VolumeMount mount = flyway.getVolumeMounts().get(0);
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        JsonNode migrations = overlay.configMap("lagebild-migrations");
        assertThat(volume.getConfigMap().getName()).isEqualTo(migrations.at("/metadata/name").asText());
        assertThat(env(flyway, "FLYWAY_LOCATIONS")).isEqualTo("filesystem:" + mount.getMountPath());

        Map<String, String> files = YamlNodes.strings(migrations.path("data"));
        List<Path> expected = Repository.migrations();
        assertThat(files.keySet()).as("every file of infra/migrations, listed in k8s/base/kustomization.yaml")
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : expected) {
            assertThat(files.get(file.getFileName().toString())).isEqualTo(Repository.read(file));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theJobAndWhatItMountsCanBeAppliedAheadOfTheFunctions(String overlayName) {
        // k8s/README.md applies `-l lagebild.de/release-step=migrate` first: the Job and its ConfigMaps.
        Overlay overlay = Overlay.rendered(overlayName);
        JsonNode job = overlay.get("batch/v1/Job", "lagebild-migrate");
        assertThat(job.at("/metadata/labels").path(RELEASE_STEP).asText()).isEqualTo("migrate");
        Container flyway = new Overlay.Workload(job, "/spec/template").podSpec().getContainers().get(0);
        List<String> configMaps = Stream.concat(
                job.at("/spec/template/spec/volumes").findValuesAsText("name").stream(),
                flyway.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null)
                        .map(e -> e.getValueFrom().getConfigMapKeyRef().getName()))
                .filter(name -> overlay.find("v1/ConfigMap", name).isPresent())
                .toList();
        assertThat(configMaps).hasSize(2);
        for (String name : configMaps) {
            assertThat(overlay.get("v1/ConfigMap", name).at("/metadata/labels").path(RELEASE_STEP).asText())
                    .as(name).isEqualTo("migrate");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseHasPostgisAndEveryoneUsesIt(String overlayName) {
        Overlay overlay = Overlay.rendered(overlayName);
        JsonNode cluster = overlay.get("postgresql.cnpg.io/v1/Cluster", "lagebild-db");
        assertThat(cluster.at("/spec/imageName").asText()).contains("postgis");
        assertThat(cluster.at("/spec/bootstrap/initdb/postInitApplicationSQL").toString())
                .containsIgnoringCase("create extension if not exists postgis");
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();
        String host = "lagebild-db-rw." + cluster.at("/metadata/namespace").asText() + ".svc:5432/" + database;

        Map<String, String> config = YamlNodes.strings(overlay.configMap("lagebild-config").path("data"));
        assertThat(config.get("QUARKUS_DATASOURCE_REACTIVE_URL")).isEqualTo("postgresql://" + host);
        // The bus LISTENs: it must reach the primary directly, never through a pooler.
        assertThat(config.get("LAGEBILD_BUS_URL")).isEqualTo("postgresql://" + host);
        assertThat(YamlNodes.strings(overlay.configMap("lagebild-jobs-config").path("data")).get("FLYWAY_URL"))
                .isEqualTo("jdbc:postgresql://" + host);
        assertThat(cluster.at("/spec/bootstrap/initdb/secret/name").asText()).isEqualTo("lagebild-db");
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
