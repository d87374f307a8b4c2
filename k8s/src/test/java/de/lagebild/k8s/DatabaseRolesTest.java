package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two database roles: the schema owner (Secret lagebild-db) runs the migrations and nothing else; the
 * functions connect as a managed role without ownership (Secret lagebild-db-app), which the
 * migrations grant to by the name the Job hands them.
 */
class DatabaseRolesTest {

    private static final String OWNER_SECRET = "lagebild-db";
    private static final String FUNCTION_SECRET = "lagebild-db-app";

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theFunctionRoleIsAManagedRoleWithoutPowers(String overlayName) {
        JsonNode cluster = Overlay.rendered(overlayName).get("postgresql.cnpg.io/v1/Cluster", "lagebild-db");
        assertThat(cluster.at("/spec/bootstrap/initdb/secret/name").asText()).isEqualTo(OWNER_SECRET);
        JsonNode role = cluster.at("/spec/managed/roles/0");
        assertThat(role.path("name").asText()).isEqualTo("lagebild_app");
        assertThat(role.path("login").asBoolean()).isTrue();
        for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
            assertThat(role.path(power).asBoolean(true)).as(power).isFalse();
        }
        assertThat(role.at("/passwordSecret/name").asText()).isEqualTo(FUNCTION_SECRET);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void functionsConnectAsTheFunctionRoleAndOnlyTheMigrationAsTheOwner(String overlayName) {
        for (Overlay.Workload workload : Overlay.rendered(overlayName).workloads()) {
            for (Container container : workload.podSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null) {
                        continue;
                    }
                    String secret = env.getValueFrom().getSecretKeyRef().getName();
                    if (env.getName().startsWith("QUARKUS_DATASOURCE_") || env.getName().startsWith("LAGEBILD_BUS_")) {
                        assertThat(secret).as(workload.name() + " " + env.getName()).isEqualTo(FUNCTION_SECRET);
                    }
                    if (secret.equals(OWNER_SECRET)) {
                        assertThat(env.getName()).as(workload.name() + " uses the owner's Secret").startsWith("FLYWAY_");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theMigrationGrantsToTheFunctionRoleOfTheSecret(String overlayName) {
        Overlay.Workload job = Overlay.rendered(overlayName).workloads().stream()
                .filter(w -> w.name().contains("lagebild-migrate")).findFirst().orElseThrow();
        EnvVar role = job.podSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals("FLYWAY_PLACEHOLDERS_FUNCTION_ROLE")).findFirst().orElseThrow();
        assertThat(role.getValueFrom().getSecretKeyRef().getName()).isEqualTo(FUNCTION_SECRET);
        assertThat(role.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("username");
        String migration = Repository.read(Repository.ROOT.resolve(
                "infra/migrations/src/main/resources/db/migration/V11__function_role.sql"));
        assertThat(migration).contains("to ${function_role}");
    }
}
