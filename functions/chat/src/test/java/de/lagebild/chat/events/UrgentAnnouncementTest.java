package de.lagebild.chat.events;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.bus.Bus;
import de.lagebild.common.events.EventLog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Urgent events (an urgent message, an alarm, status 0) are told on the bus's urgent channel, once
 * per write however many rooms it reaches; normal ones are not (the push consumer finds those at its
 * poll). Notifications arrive in commit order, so once the last urgent one is in, any wrongly told
 * normal event before it would be too.
 */
@QuarkusTest
class UrgentAnnouncementTest {

    @Inject
    Bus bus;

    @Test
    void onlyUrgentWritesAreToldOnTheUrgentChannelOnceEach() throws Exception {
        String room = openRoom("lead1", "officer1");
        String otherRoom = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch listening = new CountDownLatch(1);
        Bus.Subscription urgent = bus.subscribe(EventLog.URGENT_CHANNEL, heard::add, listening::countDown);
        try {
            assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();

            sendText("officer1", chat, "Lage ruhig");
            send(chat, "Bitte Funkdisziplin", "important");
            setStatus(room, "2");
            long urgentMessage = send(chat, "Sofort räumen", "urgent");

            String alarm = as("officer1").body(Map.of("clientId", UUID.randomUUID(), "kind", "emergency",
                            "position", Map.of("lon", 9.9921, "lat", 53.5503, "accuracy", 6.0), "roomIds", List.of(room, otherRoom)))
                    .post("/v1/alarms").then().statusCode(201).extract().path("id");
            Set<String> alarmRaised = Set.of(room + ":" + lastSeq(room), otherRoom + ":" + lastSeq(otherRoom));
            as("officer1").post("/v1/alarms/" + alarm + "/resolve").then().statusCode(200);

            setStatus(room, "0");
            String statusZero = room + ":" + lastSeq(room);

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(statusZero));
            List<String> ours = heard.stream()
                    .filter(payload -> payload.startsWith(room + ":") || payload.startsWith(otherRoom + ":")).toList();
            assertThat(ours).hasSize(3);
            assertThat(ours.get(0)).isEqualTo(room + ":" + urgentMessage);
            assertThat(ours.get(1)).isIn(alarmRaised);
            assertThat(ours.get(2)).isEqualTo(statusZero);
        } finally {
            urgent.cancel();
        }
    }

    /** A message with a priority (the full write path, unlike a plain one); its seq. */
    private static long send(String chat, String text, String priority) {
        return ((Number) as("lead1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", text,
                        "priority", priority))
                .post("/v1/chats/" + chat + "/messages").then().statusCode(201).extract().path("seq")).longValue();
    }

    private static void setStatus(String room, String code) {
        as("officer1").body(Map.of("clientId", UUID.randomUUID(), "code", code))
                .post("/v1/rooms/" + room + "/unit-statuses").then().statusCode(201);
    }

    private static long lastSeq(String room) {
        return ((Number) as("lead1").get("/v1/rooms/" + room).then().statusCode(200).extract().path("lastSeq")).longValue();
    }
}
