package de.lagebild.common.openapi;

import de.lagebild.common.problem.Problem;
import de.lagebild.common.problem.ProblemKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The problem documents of every API operation. Each can answer 401 (no valid token), 403 (its
 * roles) and 503 (a dependency is down, with {@code Retry-After}); 400 where it reads a body, a
 * query parameter other than a flag, or a path parameter it checks itself (a malformed UUID in a
 * path is 404); 404 where its path names something, unless a PUT creates it; 415 where it reads
 * JSON alone. Operations declare their further errors (409, 413, 422, ...) with
 * {@code @APIResponse} and a description alone: every error response without content gets the
 * {@code application/problem+json} content with the one {@code Problem} schema.
 */
final class ProblemResponses {

    static final String SCHEMA = "Problem";
    private static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;

    private ProblemResponses() {
    }

    static void addTo(OpenAPI openApi) {
        openApi.getComponents().addSchema(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                addCommonProblems(path.getKey(), operation.getKey(), operation.getValue());
                completeErrors(operation.getValue().getResponses());
            }
        }
    }

    private static void addCommonProblems(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (readsCheckedInput(operation)) {
            addIfMissing(responses, ProblemKind.INVALID_REQUEST);
        }
        addIfMissing(responses, ProblemKind.UNAUTHENTICATED);
        addIfMissing(responses, ProblemKind.FORBIDDEN);
        if (path.contains("{") && !createsWhatItNames(method, responses)) {
            addIfMissing(responses, ProblemKind.NOT_FOUND);
        }
        if (readsJson(operation)) {
            addIfMissing(responses, ProblemKind.UNSUPPORTED_MEDIA_TYPE);
        }
        addIfMissing(responses, ProblemKind.DEPENDENCY_UNAVAILABLE);
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before sending the request again")
                .schema(OASFactory.createSchema().type(List.of(SchemaType.INTEGER))));
    }

    /** A PUT that answers 201 makes what its path names when it is missing: it never answers 404 for it. */
    private static boolean createsWhatItNames(PathItem.HttpMethod method, APIResponses responses) {
        return method == PathItem.HttpMethod.PUT && responses.hasAPIResponse("201");
    }

    private static boolean readsCheckedInput(Operation operation) {
        if (operation.getRequestBody() != null) {
            return true;
        }
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.QUERY && !isBoolean(parameter.getSchema())
                    || parameter.getIn() == Parameter.In.PATH && !isUuid(parameter.getSchema())) {
                return true;
            }
        }
        return false;
    }

    /** Quarkus reads anything but {@code true} as false: such a parameter cannot be malformed. */
    private static boolean isBoolean(Schema schema) {
        return schema != null && schema.getType() != null && schema.getType().equals(List.of(SchemaType.BOOLEAN));
    }

    private static boolean isUuid(Schema schema) {
        return schema != null && ("#/components/schemas/UUID".equals(schema.getRef()) || "uuid".equals(schema.getFormat()));
    }

    private static boolean readsJson(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes().keySet().equals(Set.of("application/json"));
    }

    private static void addIfMissing(APIResponses responses, ProblemKind kind) {
        String code = String.valueOf(kind.status());
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(kind.title()));
        }
    }

    /** Error responses declared without content (by an annotation, or by Quarkus for 401 and 403) get the problem. */
    private static void completeErrors(APIResponses responses) {
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (!response.getKey().matches("[45]\\d\\d")) {
                continue;
            }
            if (!ApiDocumentFilter.hasContent(response.getValue())) {
                describeIfGeneric(response.getKey(), response.getValue());
                response.getValue().content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF))));
            }
        }
    }

    /** Quarkus names its own 401 and 403 "Not Authorized" and "Not Allowed"; the problem's title says more. */
    private static void describeIfGeneric(String code, APIResponse response) {
        for (ProblemKind kind : List.of(ProblemKind.UNAUTHENTICATED, ProblemKind.FORBIDDEN)) {
            if (code.equals(String.valueOf(kind.status()))) {
                response.description(kind.title());
            }
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().type(List.of(SchemaType.STRING));
        Schema fieldError = OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .description("The offending field, such as `name` or `fixes[3].lat`"))
                .addProperty("message", text)
                .required(List.of("field", "message"));
        return OASFactory.createSchema().type(List.of(SchemaType.OBJECT))
                .description("RFC 9457 problem details; `type` is stable per kind of error")
                .addProperty("type", OASFactory.createSchema().type(List.of(SchemaType.STRING)).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(List.of(SchemaType.INTEGER)))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().type(List.of(SchemaType.ARRAY)).items(fieldError)
                        .description("The offending fields of an invalid request"))
                .addProperty("traceId", OASFactory.createSchema().type(List.of(SchemaType.STRING))
                        .pattern("^[0-9a-f]{32}$")
                        .description("The trace of the request, when the service records traces: quote it in an error report"))
                .required(List.of("type", "title", "status"));
    }
}
