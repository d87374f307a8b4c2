package de.lagebild.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small readers for rendered YAML. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** A mapping of strings (labels, annotations, ConfigMap data); empty when absent. */
    static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    /** An autoscaling annotation of a Knative Service's revision template. */
    static String autoscaling(JsonNode knativeService, String annotation) {
        return knativeService.at("/spec/template/metadata/annotations").path("autoscaling.knative.dev/" + annotation)
                .asText(null);
    }

    /**
     * Whether a Knative Service runs an API function: it loads the shared configuration (database,
     * bus, OIDC). The web client's service serves static files only and loads none of it.
     */
    static boolean servesTheApi(JsonNode knativeService) {
        for (JsonNode from : knativeService.at("/spec/template/spec/containers/0/envFrom")) {
            if (from.at("/configMapRef/name").asText().startsWith("lagebild-config")) {
                return true;
            }
        }
        return false;
    }
}
