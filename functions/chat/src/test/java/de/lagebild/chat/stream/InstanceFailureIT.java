package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.chat.support.PhoneLedger;
import de.lagebild.common.testing.PackagedFunction;
import de.lagebild.common.testing.StreamClient;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chat instance dies (kill -9) while messages flow: its clients reconnect to the other instance
 * and resume by cursor; every acknowledged message reaches every member exactly once, in order.
 */
class InstanceFailureIT {

    private static final int MESSAGES = 300;

    private static PackagedFunction survivor;
    private static PackagedFunction victim;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        survivor = PackagedFunction.start("chat-survivor");
        victim = PackagedFunction.start("chat-victim");
        RestAssured.port = survivor.port();
    }

    @AfterAll
    static void stopInstances() {
        if (survivor != null) {
            survivor.close();
        }
        if (victim != null) {
            victim.close();
        }
    }

    @Test
    void everyAcknowledgedMessageArrivesOnceAfterTheInstanceHoldingTheSocketsDies() throws Exception {
        String room = openRoom("lead1", "officer5", "officer6");
        String chat = createChat("lead1", room, "officer5", "officer6");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<Phone>> phones = new ArrayList<>();
        for (String username : List.of("officer5", "officer6")) {
            phones.add(threads.submit(() -> new Phone(username, room, chat).run()));
        }
        Future<?> sender = threads.submit(() -> {
            for (int i = 0; i < MESSAGES; i++) {
                String id = as("lead1").body(Map.of("clientId", UUID.randomUUID(), "kind", "text", "body", "m" + i))
                        .post("/v1/chats/" + chat + "/messages").then().statusCode(201).extract().path("id");
                acknowledged.add(id);
                if (i == MESSAGES / 3) {
                    victim.kill();
                }
            }
            return null;
        });
        sender.get(5, TimeUnit.MINUTES);
        for (Future<Phone> result : phones) {
            Phone phone = result.get(3, TimeUnit.MINUTES);
            assertThat(phone.failedOver).as(phone.username + " moved to the surviving instance").isTrue();
            assertThat(phone.ledger.notAfterCursor()).as(phone.username + ": duplicated or out of order").isEmpty();
            assertThat(phone.ledger.messageIds()).as(phone.username + " got every acknowledged message")
                    .hasSize(MESSAGES).containsExactlyInAnyOrderElementsOf(acknowledged);
        }
        threads.shutdownNow();
    }

    /** Connected to the instance that will die; on a broken socket it reconnects to the other one. */
    private static final class Phone {
        final String username;
        final String room;
        final PhoneLedger ledger;
        boolean failedOver;

        Phone(String username, String room, String chat) {
            this.username = username;
            this.room = room;
            this.ledger = new PhoneLedger(room, chat);
        }

        Phone run() throws Exception {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            PackagedFunction target = victim;
            while (System.nanoTime() < giveUp && ledger.messageIds().size() < MESSAGES) {
                try (StreamClient client = StreamClient.connect(target.port(), username)) {
                    client.hello(Map.of(room, ledger.cursor()));
                    while (!client.isClosed() && ledger.messageIds().size() < MESSAGES && System.nanoTime() < giveUp) {
                        client.collect(Duration.ofMillis(20)).forEach(ledger::take);
                    }
                    client.drain().forEach(ledger::take);
                } catch (RuntimeException connectFailed) {
                    Thread.sleep(100);
                }
                if (target == victim) {
                    target = survivor;
                    failedOver = true;
                }
            }
            return this;
        }
    }
}
