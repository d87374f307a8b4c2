package de.lagebild.common.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The one filter of every function's OpenAPI document (configured as {@code mp.openapi.filter}):
 * adds what the annotations cannot say once for all operations, the problem responses and the
 * shared schemas, and the body of success answers declared by annotations alone.
 */
public class ApiDocumentFilter implements OASFilter {

    private boolean referencesGeoJsonArea;

    @Override
    public Schema filterSchema(Schema schema) {
        if (GeoJsonSchemas.AREA_REF.equals(schema.getRef())) {
            referencesGeoJsonArea = true;
        }
        return schema;
    }

    /** Called after every other part of the document was filtered. */
    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        if (referencesGeoJsonArea) {
            GeoJsonSchemas.addTo(openApi.getComponents());
        }
        ProblemResponses.addTo(openApi);
        if (openApi.getPaths() != null) {
            for (PathItem path : openApi.getPaths().getPathItems().values()) {
                path.getOperations().values().forEach(ApiDocumentFilter::shareSuccessContent);
            }
        }
    }

    /**
     * Quarkus describes the answer's body for one success code; another one declared by an annotation
     * alone (201 beside the 200 of a retry) has the same body.
     */
    private static void shareSuccessContent(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        Content body = responses.entrySet().stream()
                .filter(response -> isSuccessWithBody(response.getKey()) && hasContent(response.getValue()))
                .map(response -> response.getValue().getContent())
                .findFirst().orElse(null);
        if (body == null) {
            return;
        }
        responses.forEach((code, response) -> {
            if (isSuccessWithBody(code) && !hasContent(response)) {
                response.setContent(body);
            }
        });
    }

    private static boolean isSuccessWithBody(String code) {
        return code.startsWith("2") && !code.equals("204");
    }

    static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }
}
