package de.lagebild.push.settings;

import static de.lagebild.push.testing.PushFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PushServicesResource.class)
class PushSettingsTest {

    @Inject
    Pool pool;

    @Test
    void dutyIsOnUntilSwitchedOffAndIdempotent() {
        as("officer4").body(Map.of("onDuty", true)).put("/v1/push/duty").then().statusCode(200);
        as("officer4").body(Map.of("onDuty", false)).put("/v1/push/duty").then().statusCode(200)
                .body("onDuty", equalTo(false)).body("changedAt", notNullValue());
        String changedAt = as("officer4").get("/v1/push/duty").then().body("onDuty", equalTo(false))
                .extract().path("changedAt");
        as("officer4").body(Map.of("onDuty", false)).put("/v1/push/duty").then().body("changedAt", equalTo(changedAt));
        as("officer4").body(Map.of("onDuty", true)).put("/v1/push/duty").then().body("onDuty", equalTo(true));
        as("officer4").body(Map.of()).put("/v1/push/duty").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void membersMuteAChatNonMembersLearnNothing() throws Exception {
        PushFixtures fixtures = new PushFixtures(pool);
        UUID lead = fixtures.userIdOf("lead2");
        UUID officer = fixtures.userIdOf("officer5");
        fixtures.userIdOf("officer6");
        UUID room = fixtures.room(lead);
        UUID chat = fixtures.chat(room, lead, "Lage");
        fixtures.chatMember(chat, room, officer, true);
        UUID blind = fixtures.chat(room, lead, "Führung");
        fixtures.chatMember(blind, room, officer, false);

        String mute = "/chats/" + chat + "/mute";
        as("officer5").body(Map.of("muted", true)).put("/v1/push" + mute).then().statusCode(200)
                .body("muted", equalTo(true));
        List<Callable<Integer>> identical = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            identical.add(() -> as("officer5").body(Map.of("muted", true)).put("/v1/push" + mute).statusCode());
        }
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            for (Future<Integer> status : callers.invokeAll(identical)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdown();
        }
        assertThat(fixtures.count(
                "select count(*) from push_chat_mutes where user_id = $1 and chat_id = $2", officer, chat)).isEqualTo(1);
        as("officer5").body(Map.of("muted", false)).put("/v1/push" + mute).then().statusCode(200)
                .body("muted", equalTo(false));

        as("officer6").body(Map.of("muted", true)).put("/v1/push" + mute).then().statusCode(404)
                .contentType("application/problem+json");
        as("officer5").body(Map.of("muted", true)).put("/v1/push/chats/" + UUID.randomUUID() + "/mute").then()
                .statusCode(404);
        as("officer5").body(Map.of("muted", true)).put("/v1/push/chats/" + blind + "/mute").then().statusCode(403);
    }
}
