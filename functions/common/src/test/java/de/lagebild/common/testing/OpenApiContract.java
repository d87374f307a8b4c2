package de.lagebild.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI document a function serves on its management interface says what the server does.
 * It is valid (swagger-parser reads it without a complaint); for every operation the function's
 * table has a happy path, whose real calls get exactly the documented success codes (201 and 200
 * for a creating write and its retry, 304 for a revalidation, ...); every documented error is
 * {@code application/problem+json} with a problem schema, and 503 names {@code Retry-After}; the
 * documented 401 is what every operation answers without a token. A function's {@code @QuarkusTest}
 * extends this with its table.
 */
public abstract class OpenApiContract {

    /** Real calls on an operation's happy path; returns the status of each. */
    @FunctionalInterface
    protected interface HappyPath {
        List<Integer> statuses();
    }

    /** One happy path per operation of the document, keyed {@code "POST /v1/rooms"}. */
    protected abstract Map<String, HappyPath> happyPaths();

    private static OpenApiDocument served() {
        String text = ManagementInterface.given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return OpenApiDocument.parse(text);
    }

    @Test
    void theServedDocumentIsValidOpenApi() {
        assertThat(served().model().getOpenapi()).startsWith("3.");
    }

    @Test
    void everyOperationHasAHappyPath() {
        assertThat(happyPaths().keySet()).containsExactlyInAnyOrderElementsOf(served().operations().keySet());
    }

    @Test
    void everyOperationSaysWhatItDoes() {
        served().operations().forEach((name, operation) ->
                assertThat(operation.getSummary()).as("summary of %s", name).isNotBlank());
    }

    @TestFactory
    Stream<DynamicTest> realCallsGetExactlyTheDocumentedSuccessCodes() {
        OpenApiDocument document = served();
        return happyPaths().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Set<Integer> real = new HashSet<>(entry.getValue().statuses());
            assertThat(real).as("statuses of %s", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(document.successCodes(entry.getKey()));
        }));
    }

    @Test
    void everyDocumentedErrorIsAProblemDocument() {
        OpenApiDocument document = served();
        for (String operation : document.operations().keySet()) {
            Map<String, ApiResponse> errors = document.errorResponses(operation);
            assertThat(errors).as("errors of %s", operation).containsKeys("401", "403", "503");
            errors.forEach((code, response) -> {
                assertThat(response.getContent()).as("%s %s", operation, code).isNotNull();
                assertThat(response.getContent().keySet()).as("%s %s", operation, code)
                        .containsExactly(OpenApiDocument.PROBLEM_JSON);
                MediaType problem = response.getContent().get(OpenApiDocument.PROBLEM_JSON);
                assertThat(isProblem(document, problem.getSchema())).as("%s %s has a problem schema", operation, code)
                        .isTrue();
            });
            assertThat(errors.get("503").getHeaders()).as("%s 503", operation).containsKey("Retry-After");
        }
    }

    /** The documented 401 is real: every operation refuses a request without a token with a problem document. */
    @TestFactory
    Stream<DynamicTest> everyOperationRefusesARequestWithoutAToken() {
        return served().operations().keySet().stream().map(operation -> DynamicTest.dynamicTest(operation, () -> {
            String[] methodAndPath = operation.split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            RestAssured.given().when().request(methodAndPath[0], path).then()
                    .statusCode(401).contentType(OpenApiDocument.PROBLEM_JSON);
        }));
    }

    /** The Problem schema or one that extends it (with the RFC 9457 members type, title and status). */
    private static boolean isProblem(OpenApiDocument document, Schema<?> schema) {
        Schema<?> resolved = schema;
        if (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            resolved = document.model().getComponents().getSchemas().get(name);
        }
        return resolved != null && resolved.getProperties() != null
                && resolved.getProperties().keySet().containsAll(List.of("type", "title", "status"));
    }
}
