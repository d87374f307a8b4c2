package de.lagebild.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The parser that reads the served documents refuses a document a client generator could not use. */
class OpenApiDocumentTest {

    private static final String VALID = """
            openapi: 3.1.0
            info:
              title: t
              version: "1"
            paths:
              /v1/things:
                post:
                  responses:
                    "201":
                      description: Created
                    "409":
                      description: Conflict
                      content:
                        application/problem+json:
                          schema:
                            type: object
            """;

    @Test
    void readsTheOperationsAndTheirCodes() {
        OpenApiDocument document = OpenApiDocument.parse(VALID);
        assertThat(document.operations()).containsOnlyKeys("POST /v1/things");
        assertThat(document.successCodes("POST /v1/things")).containsExactly(201);
        assertThat(document.errorResponses("POST /v1/things")).containsOnlyKeys("409");
    }

    @Test
    void refusesADocumentWithoutInfo() {
        assertThatThrownBy(() -> OpenApiDocument.parse(VALID.replace("info:\n  title: t\n  version: \"1\"\n", "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("info");
    }

    @Test
    void refusesAResponseWithoutDescription() {
        assertThatThrownBy(() -> OpenApiDocument.parse(VALID.replace("      description: Created\n", "      summary: x\n")))
                .isInstanceOf(AssertionError.class);
    }
}
