package de.lagebild.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An OpenAPI document read by swagger-parser, as a client generator reads it: a document the parser
 * finds fault with fails the test. Operations are named {@code "POST /v1/rooms"}.
 */
public final class OpenApiDocument {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final OpenAPI model;

    private OpenApiDocument(OpenAPI model) {
        this.model = model;
    }

    /** Parses the document (YAML or JSON), failing on every message of the parser. */
    public static OpenApiDocument parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("what the OpenAPI parser found wrong").isEmpty();
        assertThat(result.getOpenAPI()).as("the parsed document").isNotNull();
        assertThat(result.getOpenAPI().getPaths()).as("the document's paths").isNotEmpty();
        return new OpenApiDocument(result.getOpenAPI());
    }

    public OpenAPI model() {
        return model;
    }

    /** Every operation under {@code /v1/}, by name. */
    public Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        for (Map.Entry<String, PathItem> path : model.getPaths().entrySet()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    operations.put(method.name() + " " + path.getKey(), operation));
        }
        return operations;
    }

    /** The operation's documented 2xx and 3xx codes. */
    public Set<Integer> successCodes(String operation) {
        Set<Integer> codes = new TreeSet<>();
        for (String code : responsesOf(operation).keySet()) {
            if (code.matches("[23]\\d\\d")) {
                codes.add(Integer.valueOf(code));
            }
        }
        return codes;
    }

    /** The operation's documented 4xx and 5xx responses. */
    public Map<String, ApiResponse> errorResponses(String operation) {
        Map<String, ApiResponse> errors = new TreeMap<>();
        responsesOf(operation).forEach((code, response) -> {
            if (code.matches("[45]\\d\\d")) {
                errors.put(code, response);
            }
        });
        return errors;
    }

    private Map<String, ApiResponse> responsesOf(String operation) {
        Operation found = operations().get(operation);
        assertThat(found).as("operation %s in the document", operation).isNotNull();
        assertThat(found.getResponses()).as("responses of %s", operation).isNotNull();
        return found.getResponses();
    }
}
