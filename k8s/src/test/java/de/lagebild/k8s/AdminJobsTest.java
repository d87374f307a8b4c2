package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CronJobs call admin endpoints that exist, on the cluster-local admin service of the function
 * that serves them, with a client whose service account holds the role the endpoint requires.
 */
class AdminJobsTest {

    /** CronJob, function, the resource class's @Path, the path the job calls (shell form). */
    static Stream<Arguments> jobs() {
        List<Object[]> jobs = List.of(
                new Object[] {"lagebild-chat-retention", "chat", "/v1/admin/chat/retention", "/v1/admin/chat/retention"},
                new Object[] {"lagebild-layer-import", "layers", "/v1/admin/layers/{id}", "/v1/admin/layers/$id/import"},
                new Object[] {"lagebild-media-retention", "media", "/v1/admin/media/retention", "/v1/admin/media/retention"},
                new Object[] {"lagebild-media-sweep", "media", "/v1/admin/media/sweep", "/v1/admin/media/sweep"},
                new Object[] {"lagebild-positions-retention", "positions", "/v1/admin/positions/retention",
                        "/v1/admin/positions/retention"});
        return Overlay.names().stream().flatMap(overlay -> jobs.stream().map(job -> Arguments.of(overlay, job[0], job[1], job[2], job[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jobs")
    void cronJobCallsAnExistingAdminEndpointWithTheRightRole(String overlayName, String cronJob, String function,
            String resourcePath, String calledPath) {
        Overlay overlay = Overlay.rendered(overlayName);
        FunctionModule module = Repository.functions().stream().filter(f -> f.name().equals(function)).findFirst().orElseThrow();
        String role = requiredRole(module, resourcePath);

        Overlay.Workload workload = new Overlay.Workload(overlay.get("batch/v1/CronJob", cronJob),
                "/spec/jobTemplate/spec/template");
        Container call = workload.podSpec().getContainers().get(0);
        String script = String.join(" ", call.getArgs());
        String urlVariable = function.toUpperCase() + "_ADMIN_URL";
        assertThat(script).as(cronJob + " command").contains("$" + urlVariable + calledPath);
        if (resourcePath.endsWith("{id}")) {
            assertThat(module.sources()).contains("@Path(\"" + calledPath.substring(resourcePath.length() - 1) + "\")");
        }

        Map<String, String> jobsConfig = YamlNodes.strings(overlay.configMap("lagebild-jobs-config").path("data"));
        assertThat(jobsConfig.get(urlVariable)).as(urlVariable)
                .isEqualTo("http://" + function + "-admin." + overlay.get(Overlay.KNATIVE_SERVICE, function + "-admin")
                        .at("/metadata/namespace").asText() + ".svc.cluster.local");

        String client = call.getEnv().stream().filter(e -> e.getName().equals("CLIENT_ID")).map(EnvVar::getValue)
                .findFirst().orElseThrow();
        JsonNode realm = overlay.get("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "lagebild-realm").at("/spec/realm");
        assertThat(RealmImportTest.clientIds(realm)).as(overlayName + " realm clients").contains(client);
        JsonNode serviceAccount = null;
        for (JsonNode user : realm.path("users")) {
            if (client.equals(user.path("serviceAccountClientId").asText())) {
                serviceAccount = user;
            }
        }
        assertThat(serviceAccount).as(client + " service account").isNotNull();
        assertThat(serviceAccount.path("realmRoles").toString()).as(client + " roles").contains("\"" + role + "\"");
    }

    /** The realm role in @RolesAllowed(Roles.X) of the resource class with the given @Path. */
    private static String requiredRole(FunctionModule module, String resourcePath) {
        String sources = module.sources();
        int at = sources.indexOf("@Path(\"" + resourcePath + "\")");
        assertThat(at).as(module.name() + " serves " + resourcePath).isNotNegative();
        Matcher roles = Pattern.compile("@RolesAllowed\\(Roles\\.(\\w+)\\)").matcher(sources);
        assertThat(roles.find(at)).as("role of " + resourcePath).isTrue();
        String common = Repository.read(Repository.ROOT.resolve(
                "functions/common/src/main/java/de/lagebild/common/identity/Roles.java"));
        Matcher value = Pattern.compile("String " + roles.group(1) + " = \"([^\"]+)\"").matcher(common);
        assertThat(value.find()).as("Roles." + roles.group(1)).isTrue();
        return value.group(1);
    }
}
