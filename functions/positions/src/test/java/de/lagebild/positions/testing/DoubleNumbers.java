package de.lagebild.positions.testing;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests whose JSON numbers are read as doubles (coordinates compare exactly), configured per
 * request instead of in RestAssured's global configuration.
 */
public final class DoubleNumbers {

    private static final RestAssuredConfig CONFIG = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    private DoubleNumbers() {
    }

    public static RequestSpecification given() {
        return RestAssured.given().config(CONFIG);
    }
}
