package de.lagebild.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay as `kubectl kustomize` renders it, exactly as k8s/README.md tells an operator to:
 * through infra/kubectl.sh and with the load restrictor lifted (the migrations live in infra/).
 */
record Overlay(String name, List<JsonNode> resources) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String KNATIVE_SERVICE = "serving.knative.dev/v1/Service";

    private static final Map<String, Overlay> RENDERED = new ConcurrentHashMap<>();

    /** The overlays: every directory under k8s/overlays. */
    static List<String> names() {
        try (Stream<Path> dirs = Files.list(Repository.ROOT.resolve("k8s/overlays"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Overlay rendered(String name) {
        return RENDERED.computeIfAbsent(name, Overlay::render);
    }

    private static Overlay render(String name) {
        try {
            Path out = Files.createTempFile("lagebild-" + name, ".yaml");
            Path err = Files.createTempFile("lagebild-" + name, ".err");
            try {
                Process kubectl = new ProcessBuilder(Repository.ROOT.resolve("infra/kubectl.sh").toString(),
                        "kustomize", "--load-restrictor", "LoadRestrictionsNone", "k8s/overlays/" + name)
                        .directory(Repository.ROOT.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!kubectl.waitFor(2, TimeUnit.MINUTES)) {
                    kubectl.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize k8s/overlays/" + name + " did not finish");
                }
                if (kubectl.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize k8s/overlays/" + name + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                try (var docs = YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
                    return new Overlay(name, docs.readAll().stream().map(JsonNode.class::cast)
                            .filter(doc -> doc != null && !doc.isNull()).toList());
                }
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resources of one kind, named as apiVersion/kind ("batch/v1/Job", "v1/ConfigMap"). */
    List<JsonNode> all(String apiVersionAndKind) {
        return resources.stream().filter(r -> typeOf(r).equals(apiVersionAndKind)).toList();
    }

    Optional<JsonNode> find(String apiVersionAndKind, String name) {
        return all(apiVersionAndKind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst();
    }

    JsonNode get(String apiVersionAndKind, String name) {
        return find(apiVersionAndKind, name).orElseThrow(
                () -> new AssertionError(this.name + " renders no " + apiVersionAndKind + " " + name));
    }

    /** A generated ConfigMap by its name before kustomize appended the content hash. */
    JsonNode configMap(String name) {
        return all("v1/ConfigMap").stream()
                .filter(r -> r.at("/metadata/name").asText().matches(name + "(-[a-z0-9]{10})?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(this.name + " renders no ConfigMap " + name));
    }

    /** Every workload that runs pods: Knative Services, Jobs, CronJobs, with the pod template's JSON pointer. */
    List<Workload> workloads() {
        return resources.stream().flatMap(r -> switch (typeOf(r)) {
            case KNATIVE_SERVICE, "batch/v1/Job" -> Stream.of(new Workload(r, "/spec/template"));
            case "batch/v1/CronJob" -> Stream.of(new Workload(r, "/spec/jobTemplate/spec/template"));
            default -> Stream.empty();
        }).toList();
    }

    static String typeOf(JsonNode resource) {
        return resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    }

    /** A resource that runs pods and its pod template. */
    record Workload(JsonNode resource, String templatePointer) {

        String name() {
            return typeOf(resource) + " " + resource.at("/metadata/name").asText();
        }

        JsonNode template() {
            return resource.at(templatePointer);
        }

        PodSpec podSpec() {
            try {
                return YAML.treeToValue(template().path("spec"), PodSpec.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
