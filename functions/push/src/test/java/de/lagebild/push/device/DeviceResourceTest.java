package de.lagebild.push.device;

import static de.lagebild.push.testing.PushFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(PushServicesResource.class)
class DeviceResourceTest {

    private static final String WEB_PUSH = "/v1/push/devices/web-push";
    private static final String GATEWAY = "/v1/push/devices/gateway";

    @Test
    void aSubscriptionIsRegisteredOnceListedAndRemoved() {
        PushFixtures.removeDevicesOf("officer3");
        Subscriptions subscription = Subscriptions.unreachable();
        Response first = as("officer3").body(subscription.json()).post(WEB_PUSH);
        first.then().statusCode(201).body("kind", equalTo("web_push")).body("endpoint", equalTo(subscription.endpoint()));
        Response again = as("officer3").body(subscription.json()).post(WEB_PUSH);
        again.then().statusCode(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        String id = first.path("id");

        as("officer3").get("/v1/push/devices").then().statusCode(200).body("id", equalTo(List.of(id)))
                .body("[0].keys", equalTo(null));
        as("officer3").delete("/v1/push/devices/" + id).then().statusCode(204);
        as("officer3").delete("/v1/push/devices/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("officer3").get("/v1/push/devices").then().body("id", equalTo(List.of()));
    }

    @Test
    void anotherUsersDeviceIsNotFound() {
        PushFixtures.removeDevicesOf("officer3");
        String id = as("officer3").body(Subscriptions.unreachable().json()).post(WEB_PUSH).then().statusCode(201)
                .extract().path("id");
        as("officer4").delete("/v1/push/devices/" + id).then().statusCode(404).contentType("application/problem+json");
        as("officer4").get("/v1/push/devices").then().body("id", not(hasItem(id)));
        as("officer3").get("/v1/push/devices").then().body("id", hasItem(id));
        as("officer3").delete("/v1/push/devices/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anEndpointRegisteredByAnotherUserMovesToTheCaller() {
        PushFixtures.removeDevicesOf("officer3");
        PushFixtures.removeDevicesOf("officer4");
        Subscriptions shared = Subscriptions.unreachable();
        String id = as("officer3").body(shared.json()).post(WEB_PUSH).then().statusCode(201).extract().path("id");
        as("officer4").body(shared.json()).post(WEB_PUSH).then().statusCode(201).body("id", equalTo(id));
        as("officer3").get("/v1/push/devices").then().body("id", not(hasItem(id)));
        as("officer4").get("/v1/push/devices").then().body("id", hasItem(id));
    }

    @Test
    void gatewayTargetsAreIdempotentByAppAndPushkey() {
        PushFixtures.removeDevicesOf("officer5");
        Map<String, Object> target = Map.of("appId", "de.lagebild.test", "pushkey", "apns-" + UUID.randomUUID());
        Response first = as("officer5").body(target).post(GATEWAY);
        first.then().statusCode(201).body("kind", equalTo("gateway")).body("appId", equalTo("de.lagebild.test"));
        Response again = as("officer5").body(target).post(GATEWAY);
        again.then().statusCode(200);
        assertThat(again.asString()).isEqualTo(first.asString());
    }

    @Test
    void aUserHasAtMostTheConfiguredNumberOfDevices() {
        PushFixtures.removeDevicesOf("officer6");
        for (int i = 0; i < 3; i++) {
            as("officer6").body(Subscriptions.unreachable().json()).post(WEB_PUSH).then().statusCode(201);
        }
        as("officer6").body(Subscriptions.unreachable().json()).post(WEB_PUSH).then().statusCode(409)
                .contentType("application/problem+json");
        as("officer6").body(Map.of("appId", "de.lagebild.test", "pushkey", "k" + UUID.randomUUID())).post(GATEWAY)
                .then().statusCode(409);
        PushFixtures.removeDevicesOf("officer6");
    }

    static Stream<Arguments> targets() {
        return Stream.of(Arguments.of(WEB_PUSH, Subscriptions.unreachable().json()),
                Arguments.of(GATEWAY, Map.of("appId", "de.lagebild.test", "pushkey", "apns-" + UUID.randomUUID())));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void tenIdenticalRegistrationsAtOnceMakeOneDevice(String path, Map<String, Object> body) throws Exception {
        PushFixtures.removeDevicesOf("lead2");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> as("lead2").body(body).post(path));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(responses).extracting(Response::statusCode).containsOnly(201, 200)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(responses).extracting(Response::asString).containsOnly(responses.get(0).asString());
        as("lead2").get("/v1/push/devices").then().body("size()", equalTo(1));
        PushFixtures.removeDevicesOf("lead2");
    }

    static Stream<Arguments> invalidTargets() {
        Subscriptions valid = Subscriptions.unreachable();
        String p256dh = valid.p256dh();
        String auth = "AAAAAAAAAAAAAAAAAAAAAA";
        return Stream.of(
                Arguments.of(WEB_PUSH, Map.of("endpoint", "https://push.evil.example/x", "keys", Map.of("p256dh", p256dh,
                        "auth", auth)), "endpoint"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", "ftp://127.0.0.1/x", "keys", Map.of("p256dh", p256dh,
                        "auth", auth)), "endpoint"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", "http://user@127.0.0.1/x", "keys", Map.of("p256dh", p256dh,
                        "auth", auth)), "endpoint"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", valid.endpoint(), "keys", Map.of("p256dh", "BAAA",
                        "auth", auth)), "keys.p256dh"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", valid.endpoint(), "keys", Map.of("p256dh", p256dh,
                        "auth", "AAAA")), "keys.auth"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", valid.endpoint(), "keys", Map.of("p256dh", p256dh,
                        "auth", "not base64!")), "keys.auth"),
                Arguments.of(WEB_PUSH, Map.of("endpoint", valid.endpoint()), "keys"),
                Arguments.of(GATEWAY, Map.of("appId", "de.unknown.app", "pushkey", "k"), "appId"),
                Arguments.of(GATEWAY, Map.of("appId", "de.lagebild.test", "pushkey", ""), "pushkey"));
    }

    @ParameterizedTest
    @MethodSource("invalidTargets")
    void invalidTargetsAreRefusedNamingTheField(String path, Map<String, Object> body, String field) {
        as("officer3").body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aUserWithoutTheOfficerRoleIsForbidden() {
        as("civilian1").body(Subscriptions.unreachable().json()).post(WEB_PUSH).then().statusCode(403)
                .contentType("application/problem+json");
        as("civilian1").get("/v1/push/devices").then().statusCode(403);
    }

    @Test
    void theVapidPublicKeyIsServed() {
        as("officer3").get("/v1/push/vapid-public-key").then().statusCode(200).body("publicKey", equalTo(
                "BLuD5sGPX0fbepn43ZReiOw0lE-1xXjVF-jXRaCp3DQic50d5XtWkowrxNHPMx6OJAB6X4rCFEQhuxAQvz5jpg0"));
    }
}
