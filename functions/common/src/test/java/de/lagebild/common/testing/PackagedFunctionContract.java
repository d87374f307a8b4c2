package de.lagebild.common.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * What every packaged function must do as a pod runs it (the JVM jar here, the native executable in
 * a cluster's CI): the platform endpoints and the security refusals of {@link PlatformEndpointsContract}.
 * A function's {@code @QuarkusIntegrationTest} extends this and adds its own happy path and non-member checks.
 */
public abstract class PackagedFunctionContract extends PlatformEndpointsContract {

    private final String apiPath;

    /** {@code apiPath}: an API path for officers, called with GET. */
    protected PackagedFunctionContract(String apiPath, String openApiTitle, String... readinessChecks) {
        super(openApiTitle, readinessChecks);
        this.apiPath = apiPath;
    }

    @Override
    protected String officersOnlyPath() {
        return apiPath;
    }

    @Override
    protected RequestSpecification management() {
        return given().port(ManagementInterface.portOfPackagedApplication());
    }
}
