package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.chat.support.PhoneLedger;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing twice, in order: five members send 200 messages each at once while three
 * stream clients drop their sockets at random moments and resume from their cursors.
 */
@QuarkusTest
class StreamDeliveryTest {

    private static final int SENDERS = 5;
    private static final int MESSAGES_PER_SENDER = 200;

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyStreamClientGetsEveryMessageExactlyOnceInSeqOrder() throws Exception {
        List<String> senders = List.of("lead1", "officer1", "officer2", "officer3", "officer4");
        List<String> readers = List.of("officer5", "officer6", "officer1");
        String room = openRoom("lead1", "officer1", "officer2", "officer3", "officer4", "officer5", "officer6");
        String chat = createChat("lead1", room, "officer1", "officer2", "officer3", "officer4", "officer5", "officer6");

        Set<String> sent = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS + readers.size());
        List<Future<Reader>> readerResults = new ArrayList<>();
        for (String reader : readers) {
            readerResults.add(pool.submit(() -> new Reader(reader, room, chat, sending).run(sent)));
        }
        List<Future<?>> senderResults = new ArrayList<>();
        for (String sender : senders) {
            senderResults.add(pool.submit(() -> {
                for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
                    String id = as(sender).body(Map.of("clientId", UUID.randomUUID(), "kind", "text",
                                    "body", sender + " " + i))
                            .post("/v1/chats/" + chat + "/messages").then().statusCode(201).extract().path("id");
                    sent.add(id);
                }
                return null;
            }));
        }
        for (Future<?> sender : senderResults) {
            sender.get(5, TimeUnit.MINUTES);
        }
        sending.set(false);
        assertThat(sent).hasSize(SENDERS * MESSAGES_PER_SENDER);

        for (Future<Reader> result : readerResults) {
            Reader reader = result.get(2, TimeUnit.MINUTES);
            assertThat(reader.ledger.notAfterCursor()).as(reader.username + ": events duplicated or out of seq order").isEmpty();
            assertThat(new HashSet<>(reader.ledger.messageIds())).as(reader.username + " messages").isEqualTo(sent);
            assertThat(reader.ledger.messageIds()).hasSize(sent.size());
            assertThat(reader.reconnects).as(reader.username + " reconnects").isGreaterThan(0);
        }
        pool.shutdownNow();
    }

    /** A phone that keeps losing its connection and resumes from the last seq it processed. */
    private final class Reader {
        final String username;
        final String room;
        final AtomicBoolean sending;
        final PhoneLedger ledger;
        final Random random = new Random();
        int reconnects;

        Reader(String username, String room, String chat, AtomicBoolean sending) {
            this.username = username;
            this.room = room;
            this.sending = sending;
            this.ledger = new PhoneLedger(room, chat);
        }

        Reader run(Set<String> sent) throws Exception {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < giveUp) {
                boolean stayConnected = !sending.get();
                try (StreamClient client = StreamClient.connect(base.getPort(), username)) {
                    client.hello(Map.of(room, ledger.cursor()));
                    long connectedFor = stayConnected ? TimeUnit.SECONDS.toNanos(20) : TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(600));
                    long until = System.nanoTime() + connectedFor;
                    while (System.nanoTime() < until) {
                        client.collect(Duration.ofMillis(20)).forEach(ledger::take);
                        if (stayConnected && ledger.messageIds().size() >= sent.size() && !sending.get()) {
                            return this;
                        }
                    }
                }
                reconnects++;
            }
            return this;
        }
    }
}
