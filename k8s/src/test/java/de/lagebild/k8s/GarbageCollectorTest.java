package de.lagebild.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function's JVM names its garbage collector, and the cluster runs the one it runs locally: the
 * figures in the functions' READMEs were measured with infra/start.sh's options, and without
 * {@code GC_CONTAINER_OPTIONS} the image's run-java.sh would pick the parallel collector instead.
 */
class GarbageCollectorTest {

    /** env.sh makes its working directories under LAGEBILD_LOCAL_DIR; here they go nowhere that matters. */
    @TempDir
    static Path localDir;

    static List<String> overlays() {
        return Overlay.names();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKnativeServiceRunsTheCollectorItsFunctionRunsLocally(String overlayName) throws Exception {
        List<JsonNode> services = Overlay.rendered(overlayName).all(Overlay.KNATIVE_SERVICE);
        assertThat(services).isNotEmpty();
        for (JsonNode service : services) {
            String name = service.at("/metadata/name").asText();
            String function = name.replaceFirst("-admin$", "");
            Container container = new Overlay.Workload(service, "/spec/template").podSpec().getContainers().get(0);
            String cluster = container.getEnv().stream().filter(env -> env.getName().equals("GC_CONTAINER_OPTIONS"))
                    .map(EnvVar::getValue).findFirst().orElse(null);
            assertThat(cluster).as(overlayName + ": " + name + " GC_CONTAINER_OPTIONS").isNotNull();
            assertThat(cluster).as(overlayName + ": " + name + " collector").isEqualTo(localCollector(function));
        }
    }

    /** The -XX:+Use...GC option infra/env.sh's function_jvm_options gives the function. */
    private static String localCollector(String function) throws IOException, InterruptedException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", "source infra/env.sh && function_jvm_options \"$1\"", "bash", function)
                .directory(Repository.ROOT.toFile())
                .redirectErrorStream(true);
        bash.environment().put("LAGEBILD_LOCAL_DIR", localDir.toString());
        Process process = bash.start();
        String options = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(options).isZero();
        List<String> collectors = Arrays.stream(options.split("\\s+")).filter(o -> o.matches("-XX:\\+Use\\w+GC")).toList();
        assertThat(collectors).as(function + ": " + options).hasSize(1);
        return collectors.get(0);
    }
}
