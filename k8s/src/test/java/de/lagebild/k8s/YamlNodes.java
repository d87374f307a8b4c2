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
}
