package de.lagebild.push.delivery;

import static de.lagebild.push.testing.PushFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.Ids;
import de.lagebild.push.testing.LocalGateway;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Native apps' pushes reach a Matrix push gateway on loopback, content-free, by priority. */
@QuarkusTest
@WithTestResource(PushServicesResource.class)
class GatewayDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Test
    void alarmsAreHighPriorityMessagesLowAndNeitherCarriesContent() {
        LocalGateway gateway = PushServicesResource.gateway();
        PushFixtures fixtures = new PushFixtures(pool);
        PushFixtures.removeDevicesOf("officer5");
        UUID officer = fixtures.userIdOf("officer5");
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID room = fixtures.room(lead);
        UUID chat = fixtures.chat(room, lead, "Lage Hauptbahnhof");
        fixtures.chatMember(chat, room, officer, true);
        String pushkey = "apns-" + UUID.randomUUID();
        as("officer5").body(Map.of("appId", LocalGateway.APP_ID, "pushkey", pushkey)).post("/v1/push/devices/gateway")
                .then().statusCode(201);

        UUID alarm = fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");
        await().atMost(WAIT).until(() -> gateway.notificationsFor(pushkey).size() == 1);
        UUID message = fixtures.message(room, chat, lead, "Zugriff um 14 Uhr");
        await().atMost(WAIT).until(() -> gateway.notificationsFor(pushkey).size() == 2);

        JsonNode urgent = gateway.notificationsFor(pushkey).get(0).path("notification");
        assertThat(urgent.path("event_id").asText()).isEqualTo(alarm.toString());
        assertThat(urgent.path("room_id").asText()).isEqualTo(room.toString());
        assertThat(urgent.path("prio").asText()).isEqualTo("high");
        assertThat(urgent.at("/devices/0/app_id").asText()).isEqualTo(LocalGateway.APP_ID);
        assertThat(urgent.at("/devices/0/data/format").asText()).isEqualTo("event_id_only");
        assertThat(urgent.at("/devices/0/data/default_payload/aps/interruption-level").asText()).isEqualTo("time-sensitive");
        JsonNode normal = gateway.notificationsFor(pushkey).get(1).path("notification");
        assertThat(normal.path("event_id").asText()).isEqualTo(message.toString());
        assertThat(normal.path("prio").asText()).isEqualTo("low");
        assertThat(gateway.notificationsFor(pushkey).toString()).doesNotContain("Zugriff", "Leitung", "Lage Hauptbahnhof");
    }

    @Test
    void aDeviceIsNotWokenForWhatHappenedBeforeItWasRegistered() {
        LocalGateway gateway = PushServicesResource.gateway();
        PushFixtures fixtures = new PushFixtures(pool);
        PushFixtures.removeDevicesOf("officer5");
        UUID officer = fixtures.userIdOf("officer5");
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID room = fixtures.room(lead);
        fixtures.roomMember(room, officer, "member");
        String pushkey = "apns-" + UUID.randomUUID();
        as("officer5").body(Map.of("appId", LocalGateway.APP_ID, "pushkey", pushkey)).post("/v1/push/devices/gateway")
                .then().statusCode(201);

        fixtures.alarmRaisedAgo(room, Ids.newId(), lead, "Leitung", Duration.ofMinutes(10));
        UUID now = fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");

        await().atMost(WAIT).until(() -> fixtures.consumed(room) && gateway.notificationsFor(pushkey).size() >= 1);
        assertThat(gateway.notificationsFor(pushkey)).hasSize(1);
        assertThat(gateway.notificationsFor(pushkey).get(0).at("/notification/event_id").asText()).isEqualTo(now.toString());
    }

    @Test
    void aRoomWithoutDevicesIsPassedOverAndItsPastWakesNoDeviceRegisteredLater() {
        LocalGateway gateway = PushServicesResource.gateway();
        PushFixtures fixtures = new PushFixtures(pool);
        PushFixtures.removeDevicesOf("officer5");
        UUID officer = fixtures.userIdOf("officer5");
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID room = fixtures.room(lead);
        fixtures.roomMember(room, officer, "member");
        UUID before = fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");
        await().atMost(WAIT).until(() -> fixtures.consumed(room));

        String pushkey = "apns-" + UUID.randomUUID();
        as("officer5").body(Map.of("appId", LocalGateway.APP_ID, "pushkey", pushkey)).post("/v1/push/devices/gateway")
                .then().statusCode(201);
        UUID after = fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");

        await().atMost(WAIT).until(() -> fixtures.consumed(room) && gateway.notificationsFor(pushkey).size() >= 1);
        assertThat(gateway.notificationsFor(pushkey)).hasSize(1);
        assertThat(gateway.notificationsFor(pushkey).get(0).at("/notification/event_id").asText())
                .isEqualTo(after.toString()).isNotEqualTo(before.toString());
        assertThat(fixtures.count("select count(*) from push_deliveries where event_id = $1", before)).isZero();
    }

    @Test
    void aPushkeyTheGatewayRejectsIsRemoved() {
        LocalGateway gateway = PushServicesResource.gateway();
        PushFixtures fixtures = new PushFixtures(pool);
        PushFixtures.removeDevicesOf("officer5");
        UUID officer = fixtures.userIdOf("officer5");
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID room = fixtures.room(lead);
        fixtures.roomMember(room, officer, "member");
        String pushkey = "fcm-" + UUID.randomUUID();
        gateway.forget(pushkey);
        as("officer5").body(Map.of("appId", LocalGateway.APP_ID, "pushkey", pushkey)).post("/v1/push/devices/gateway")
                .then().statusCode(201);

        fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");

        await().atMost(WAIT).until(() -> gateway.notificationsFor(pushkey).size() == 1
                && fixtures.count("select count(*) from push_devices where pushkey = $1", pushkey) == 0);
        as("officer5").get("/v1/push/devices").then().statusCode(200).body("size()", equalTo(0));
    }
}
