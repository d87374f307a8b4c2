package de.lagebild.push.delivery;

import static de.lagebild.push.testing.PushFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.Ids;
import de.lagebild.common.events.EventType;
import de.lagebild.push.testing.LocalPushService;
import de.lagebild.push.testing.LocalPushService.Answer;
import de.lagebild.push.testing.LocalPushService.Received;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushes derived from the log reach a Web Push service on loopback that checks VAPID and decrypts them. */
@QuarkusTest
@WithTestResource(PushServicesResource.class)
class WebPushDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @AfterEach
    void noPushWasRefused() {
        assertThat(PushServicesResource.pushService().refusals()).isEmpty();
    }

    @Test
    void anAlarmReachesEveryOtherRoomMemberAtOnceAlsoOffDuty() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID colleague = fixtures.syntheticUser("Schulz");
        UUID offDuty = fixtures.syntheticUser("Krause");
        UUID room = fixtures.room(raiser);
        fixtures.roomMember(room, colleague, "member");
        fixtures.roomMember(room, offDuty, "member");
        pool.preparedQuery("insert into push_duty (user_id, off_duty, changed_at) values ($1, true, now())")
                .executeAndAwait(Tuple.of(offDuty));
        Subscriptions raiserPhone = service.subscribe();
        Subscriptions colleaguePhone = service.subscribe();
        Subscriptions colleagueLaptop = service.subscribe();
        Subscriptions offDutyPhone = service.subscribe();
        fixtures.webPushDevice(raiser, raiserPhone);
        fixtures.webPushDevice(colleague, colleaguePhone);
        fixtures.webPushDevice(colleague, colleagueLaptop);
        fixtures.webPushDevice(offDuty, offDutyPhone);

        UUID alarmId = Ids.newId();
        UUID event = fixtures.alarmRaised(room, alarmId, raiser, "Meier");

        await().atMost(WAIT).until(() -> service.receivedBy(colleaguePhone).size() == 1
                && service.receivedBy(colleagueLaptop).size() == 1 && service.receivedBy(offDutyPhone).size() == 1);
        Received push = service.receivedBy(colleaguePhone).get(0);
        assertThat(push.urgency()).isEqualTo("high");
        assertThat(push.ttl()).isEqualTo("120");
        assertThat(push.topic()).isEqualTo(alarmId.toString().replace("-", ""));
        assertThat(push.payload().path("kind").asText()).isEqualTo("alarm");
        assertThat(push.payload().path("priority").asText()).isEqualTo("urgent");
        assertThat(push.payload().path("title").asText()).isEqualTo("Notruf");
        assertThat(push.payload().path("body").asText()).isEqualTo("Meier in Lage Hauptbahnhof");
        assertThat(push.payload().path("alarmId").asText()).isEqualTo(alarmId.toString());
        assertThat(push.payload().path("eventId").asText()).isEqualTo(event.toString());
        assertThat(push.payload().toString()).as("no alarm text by default").doesNotContain("Schüsse");
        assertThat(fixtures.consumed(room)).isTrue();
        assertThat(service.receivedBy(raiserPhone)).as("own action").isEmpty();
        assertThat(fixtures.count("select count(*) from push_deliveries p join push_devices d on d.id = p.device_id "
                + "where d.user_id = $1", raiser)).isZero();
    }

    @Test
    void anAlarmInTwoRoomsIsPushedOncePerDevice() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID colleague = fixtures.syntheticUser("Schulz");
        UUID first = fixtures.room(raiser);
        UUID second = fixtures.room(raiser);
        fixtures.roomMember(first, colleague, "member");
        fixtures.roomMember(second, colleague, "member");
        Subscriptions phone = service.subscribe();
        fixtures.webPushDevice(colleague, phone);

        UUID alarmId = Ids.newId();
        fixtures.alarmRaised(first, alarmId, raiser, "Meier");
        fixtures.alarmRaised(second, alarmId, raiser, "Meier");

        await().atMost(WAIT).until(() -> fixtures.consumed(first) && fixtures.consumed(second)
                && service.receivedBy(phone).size() == 1);
        assertThat(fixtures.count("select count(*) from push_deliveries p join push_devices d on d.id = p.device_id "
                + "where d.user_id = $1", colleague)).isEqualTo(1);
    }

    @Test
    void messagesGoToReadersOnDutyWhoDidNotMuteCollapsedPerChat() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID author = fixtures.userIdOf("lead2");
        UUID reader = fixtures.userIdOf("officer3");
        UUID muter = fixtures.userIdOf("officer4");
        UUID blind = fixtures.userIdOf("officer5");
        UUID offDuty = fixtures.userIdOf("officer6");
        UUID room = fixtures.room(author);
        UUID chat = fixtures.chat(room, author, "Lage Hauptbahnhof");
        fixtures.chatMember(chat, room, reader, true);
        fixtures.chatMember(chat, room, muter, true);
        fixtures.chatMember(chat, room, blind, false);
        fixtures.chatMember(chat, room, offDuty, true);
        Map<String, Subscriptions> phones = phonesOf(service, "lead2", "officer3", "officer4", "officer5", "officer6");
        as("officer4").body(Map.of("muted", true)).put("/v1/push/chats/" + chat + "/mute").then().statusCode(200);
        as("officer6").body(Map.of("onDuty", false)).put("/v1/push/duty").then().statusCode(200);
        try {
            fixtures.message(room, chat, author, "Zugriff um 14 Uhr");
            fixtures.message(room, chat, author, "Zweite Nachricht");
            fixtures.message(room, chat, author, "Dritte Nachricht");

            Subscriptions readerPhone = phones.get("officer3");
            await().atMost(WAIT).until(() -> fixtures.consumed(room) && !service.receivedBy(readerPhone).isEmpty());
            Received first = service.receivedBy(readerPhone).get(0);
            assertThat(first.urgency()).isEqualTo("normal");
            assertThat(first.ttl()).isEqualTo("3600");
            assertThat(first.topic()).isEqualTo(chat.toString().replace("-", ""));
            assertThat(first.payload().path("kind").asText()).isEqualTo("message");
            assertThat(first.payload().path("body").asText()).isEqualTo("Neue Nachricht in Lage Hauptbahnhof");
            assertThat(first.payload().path("chatId").asText()).isEqualTo(chat.toString());
            assertThat(first.payload().toString()).as("content-free").doesNotContain("Zugriff", "Zweite", "Dritte");
            // Three messages at once: one push now, at most one more after the chat's interval (2 s in tests).
            await().atMost(WAIT).until(() -> fixtures.count("select count(*) from push_deliveries p join push_devices d "
                    + "on d.id = p.device_id where d.user_id = $1 and p.state = 'pending'", reader) == 0);
            List<Received> pushes = service.receivedBy(readerPhone);
            assertThat(pushes).hasSizeBetween(1, 2);
            if (pushes.size() == 2) {
                assertThat(Duration.between(pushes.get(0).at(), pushes.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            }
            for (String nobody : List.of("lead2", "officer4", "officer5", "officer6")) {
                assertThat(service.receivedBy(phones.get(nobody))).as(nobody).isEmpty();
            }
        } finally {
            as("officer6").body(Map.of("onDuty", true)).put("/v1/push/duty").then().statusCode(200);
        }
    }

    @Test
    void eachReaderIsPushedTheFirstMessageOfAnotherAuthorAndAnAlarmAmongMessagesAtOnce() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID lead = fixtures.userIdOf("lead2");
        UUID officer = fixtures.userIdOf("officer3");
        UUID reader = fixtures.userIdOf("officer4");
        UUID room = fixtures.room(lead);
        UUID chat = fixtures.chat(room, lead, "Abschnitt Nord");
        fixtures.chatMember(chat, room, officer, true);
        fixtures.chatMember(chat, room, reader, true);
        Map<String, Subscriptions> phones = phonesOf(service, "lead2", "officer3", "officer4");

        // The room's cursor, created and held until all six are written: the consumer waits for it and
        // plans them in one pass.
        SqlConnection holder = pool.getConnectionAndAwait();
        Transaction held = holder.beginAndAwait();
        holder.preparedQuery("insert into push_cursors (room_id, last_seq) values ($1, 0)").executeAndAwait(Tuple.of(room));
        UUID leadsFirst = fixtures.message(room, chat, lead, "Lage 1");
        fixtures.message(room, chat, lead, "Lage 2");
        UUID officersFirst = fixtures.message(room, chat, officer, "Lage 3");
        fixtures.message(room, chat, lead, "Lage 4");
        UUID alarm = fixtures.alarmRaised(room, UUID.randomUUID(), officer, "Officer Drei");
        fixtures.message(room, chat, officer, "Lage 5");
        held.commitAndAwait();
        holder.closeAndAwait();

        await().atMost(WAIT).until(() -> fixtures.consumed(room) && fixtures.count("select count(*) from push_deliveries p "
                + "join events e on e.id = p.event_id where e.room_id = $1 and p.state = 'pending'", room) == 0);
        assertThat(eventsPushedTo(service, phones.get("officer4"))).containsExactlyInAnyOrder(leadsFirst, alarm);
        assertThat(eventsPushedTo(service, phones.get("officer3"))).containsExactly(leadsFirst);
        assertThat(eventsPushedTo(service, phones.get("lead2"))).containsExactlyInAnyOrder(officersFirst, alarm);
    }

    /** One phone per user, subscribed at the service and registered through the API; the users' earlier devices removed. */
    private static Map<String, Subscriptions> phonesOf(LocalPushService service, String... users) {
        Map<String, Subscriptions> phones = new HashMap<>();
        for (String user : users) {
            PushFixtures.removeDevicesOf(user);
            Subscriptions phone = service.subscribe();
            as(user).body(phone.json()).post("/v1/push/devices/web-push").then().statusCode(201);
            phones.put(user, phone);
        }
        return phones;
    }

    private static List<UUID> eventsPushedTo(LocalPushService service, Subscriptions phone) {
        return service.receivedBy(phone).stream().map(push -> UUID.fromString(push.payload().path("eventId").asText())).toList();
    }

    @Test
    void anUrgentStatusReachesTheRoomsManagersOnly() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID officer = fixtures.syntheticUser("Streife");
        UUID other = fixtures.syntheticUser("Streife 2");
        UUID room = fixtures.room(lead);
        fixtures.roomMember(room, officer, "member");
        fixtures.roomMember(room, other, "member");
        Subscriptions leadPhone = service.subscribe();
        Subscriptions otherPhone = service.subscribe();
        fixtures.webPushDevice(lead, leadPhone);
        fixtures.webPushDevice(other, otherPhone);

        fixtures.unitStatus(room, officer, "2", false);
        fixtures.unitStatus(room, officer, "0", true);

        await().atMost(WAIT).until(() -> fixtures.consumed(room) && service.receivedBy(leadPhone).size() == 1);
        Received push = service.receivedBy(leadPhone).get(0);
        assertThat(push.urgency()).isEqualTo("high");
        assertThat(push.payload().path("kind").asText()).isEqualTo("unit_status");
        assertThat(push.payload().path("body").asText()).isEqualTo("Status 0 in Lage Hauptbahnhof");
        assertThat(service.receivedBy(otherPhone)).isEmpty();
    }

    @Test
    void aSubscriptionThePushServiceNoLongerKnowsIsRemoved() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID colleague = fixtures.syntheticUser("Schulz");
        UUID room = fixtures.room(raiser);
        fixtures.roomMember(room, colleague, "member");
        Subscriptions expired = service.subscribe();
        service.answer(expired, new Answer(410, null));
        UUID device = fixtures.webPushDevice(colleague, expired);

        fixtures.alarmRaised(room, Ids.newId(), raiser, "Meier");

        await().atMost(WAIT).until(() -> fixtures.count("select count(*) from push_devices where id = $1", device) == 0);
        assertThat(service.receivedBy(expired)).extracting(Received::answered).containsExactly(410);
    }

    @Test
    void aBusyPushServiceIsAskedAgainNoSoonerThanItsRetryAfter() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID colleague = fixtures.syntheticUser("Schulz");
        UUID room = fixtures.room(raiser);
        fixtures.roomMember(room, colleague, "member");
        Subscriptions busy = service.subscribe();
        service.answer(busy, new Answer(429, "2"), new Answer(503, null));
        fixtures.webPushDevice(colleague, busy);

        fixtures.alarmRaised(room, Ids.newId(), raiser, "Meier");

        await().atMost(WAIT).until(() -> service.receivedBy(busy).size() == 3);
        List<Received> attempts = service.receivedBy(busy);
        assertThat(attempts).extracting(Received::answered).containsExactly(429, 503, 201);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        await().atMost(WAIT).until(() -> fixtures.count("select count(*) from push_deliveries p join push_devices d "
                + "on d.id = p.device_id where d.user_id = $1 and p.state = 'sent' and p.attempts = 3", colleague) == 1);
    }

    @Test
    void anUrgentOrderAndItsReminderReachTheReadersAtOnceAlsoOffDutyAndMuted() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID answered = fixtures.syntheticUser("Streife 1");
        UUID pending = fixtures.syntheticUser("Streife 2");
        UUID room = fixtures.room(lead);
        UUID chat = fixtures.chat(room, lead, "Lage Hauptbahnhof");
        fixtures.chatMember(chat, room, answered, true);
        fixtures.chatMember(chat, room, pending, true);
        pool.preparedQuery("insert into push_duty (user_id, off_duty, changed_at) values ($1, true, now())")
                .executeAndAwait(Tuple.of(pending));
        pool.preparedQuery("insert into push_chat_mutes (user_id, chat_id, muted_at) values ($1, $2, now())")
                .executeAndAwait(Tuple.of(pending, chat));
        Subscriptions leadPhone = service.subscribe();
        Subscriptions answeredPhone = service.subscribe();
        Subscriptions pendingPhone = service.subscribe();
        fixtures.webPushDevice(lead, leadPhone);
        fixtures.webPushDevice(answered, answeredPhone);
        fixtures.webPushDevice(pending, pendingPhone);

        UUID messageId = Ids.newId();
        fixtures.event(room, chat, EventType.MESSAGE_CREATED, lead, new JsonObject().put("id", messageId.toString())
                .put("chatId", chat.toString()).put("kind", "text").put("body", "Sofort zum Hauptbahnhof")
                .put("priority", "urgent").put("ackRequested", true));
        fixtures.event(room, chat, EventType.ORDER_REMINDED, null, new JsonObject().put("messageId", messageId.toString())
                .put("chatId", chat.toString()).put("priority", "urgent").put("pending", new JsonArray().add(pending.toString())));

        await().atMost(WAIT).until(() -> fixtures.consumed(room) && service.receivedBy(answeredPhone).size() == 1
                && service.receivedBy(pendingPhone).size() == 2);
        // Both are urgent and due at once: they may arrive in either order.
        assertThat(service.receivedBy(pendingPhone)).allSatisfy(push -> {
            assertThat(push.urgency()).isEqualTo("high");
            assertThat(push.payload().path("kind").asText()).isEqualTo("order");
        }).extracting(push -> push.payload().path("body").asText())
                .containsExactlyInAnyOrder("Dringender Auftrag in Lage Hauptbahnhof", "Erinnerung: Auftrag in Lage Hauptbahnhof");
        assertThat(service.receivedBy(answeredPhone).get(0).payload().path("body").asText())
                .isEqualTo("Dringender Auftrag in Lage Hauptbahnhof");
        assertThat(service.receivedBy(leadPhone)).as("own order").isEmpty();
    }
}
