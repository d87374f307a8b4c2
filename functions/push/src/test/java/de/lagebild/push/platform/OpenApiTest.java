package de.lagebild.push.platform;

import static de.lagebild.push.testing.PushFixtures.as;

import de.lagebild.common.testing.OpenApiContract;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Each operation of push's document on its happy path (and a registration's repetition). */
@QuarkusTest
@WithTestResource(PushServicesResource.class)
class OpenApiTest extends OpenApiContract {

    private static final String USER = "officer2";

    @Inject
    Pool pool;

    @Override
    protected Map<String, HappyPath> happyPaths() {
        Map<String, HappyPath> paths = new TreeMap<>();
        paths.put("GET /v1/push/vapid-public-key", () -> List.of(as(USER).get("/v1/push/vapid-public-key").statusCode()));
        paths.put("POST /v1/push/devices/web-push", () -> {
            PushFixtures.removeDevicesOf(USER);
            Map<String, Object> body = Subscriptions.unreachable().json();
            return List.of(as(USER).body(body).post("/v1/push/devices/web-push").statusCode(),
                    as(USER).body(body).post("/v1/push/devices/web-push").statusCode());
        });
        paths.put("POST /v1/push/devices/gateway", () -> {
            PushFixtures.removeDevicesOf(USER);
            Map<String, Object> body = Map.of("appId", "de.lagebild.test", "pushkey", "k" + UUID.randomUUID());
            return List.of(as(USER).body(body).post("/v1/push/devices/gateway").statusCode(),
                    as(USER).body(body).post("/v1/push/devices/gateway").statusCode());
        });
        paths.put("GET /v1/push/devices", () -> List.of(as(USER).get("/v1/push/devices").statusCode()));
        paths.put("DELETE /v1/push/devices/{deviceId}", () -> {
            PushFixtures.removeDevicesOf(USER);
            String id = as(USER).body(Subscriptions.unreachable().json()).post("/v1/push/devices/web-push").path("id");
            return List.of(as(USER).delete("/v1/push/devices/" + id).statusCode());
        });
        paths.put("GET /v1/push/duty", () -> List.of(as(USER).get("/v1/push/duty").statusCode()));
        paths.put("PUT /v1/push/duty", () -> List.of(as(USER).body(Map.of("onDuty", true)).put("/v1/push/duty").statusCode()));
        paths.put("PUT /v1/push/chats/{chatId}/mute", () -> {
            PushFixtures fixtures = new PushFixtures(pool);
            UUID user = fixtures.userIdOf(USER);
            UUID chat = fixtures.chat(fixtures.room(user), user, "Lage");
            return List.of(as(USER).body(Map.of("muted", false)).put("/v1/push/chats/" + chat + "/mute").statusCode());
        });
        return paths;
    }
}
