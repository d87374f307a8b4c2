package de.lagebild.push.platform;

import static de.lagebild.push.testing.PushFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import de.lagebild.common.testing.PackagedFunctionContract;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged push function (native executable in a cluster's CI): an officer gets the VAPID key,
 * registers a browser's subscription once, lists and removes it, sets their duty; another user's device
 * is not found. Delivery from the packaged function, killed mid-way, is {@code SenderKillIT}'s.
 */
@QuarkusIntegrationTest
@WithTestResource(PushServicesResource.class)
class PushFunctionIT extends PackagedFunctionContract {

    private static final String WEB_PUSH = "/v1/push/devices/web-push";

    PushFunctionIT() {
        super("/v1/push/devices", "Lagebild push");
    }

    @Test
    void anOfficerSubscribesListsAndRemovesABrowserAndSetsTheirDuty() {
        as("officer3").get("/v1/push/vapid-public-key").then().statusCode(200)
                .body("publicKey", matchesPattern("[A-Za-z0-9_-]{87}"));
        PushFixtures.removeDevicesOf("officer3");
        String id = as("officer3").body(Subscriptions.unreachable().json()).post(WEB_PUSH)
                .then().statusCode(201).body("kind", equalTo("web_push")).extract().path("id");
        as("officer3").get("/v1/push/devices").then().statusCode(200).body("id", equalTo(List.of(id)));
        as("officer3").body("{\"onDuty\":false}").put("/v1/push/duty").then().statusCode(200)
                .body("onDuty", equalTo(false));
        as("officer3").body("{\"onDuty\":true}").put("/v1/push/duty").then().statusCode(200);
        as("officer3").delete("/v1/push/devices/" + id).then().statusCode(204);
    }

    @Test
    void anotherUsersDeviceIsNotFound() {
        String id = as("officer4").body(Subscriptions.unreachable().json()).post(WEB_PUSH).then().statusCode(201)
                .extract().path("id");
        as("officer5").delete("/v1/push/devices/" + id).then().statusCode(404).contentType("application/problem+json");
        as("officer5").get("/v1/push/devices").then().body("id", not(hasItem(id)));
        as("officer4").delete("/v1/push/devices/" + id).then().statusCode(204);
    }
}
