package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.PackagedFunction;
import de.lagebild.common.positions.PositionBatch;
import de.lagebild.common.testing.StreamClient;
import de.lagebild.common.testing.TestPool;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two running chat instances on one database: a message posted on one reaches sockets on the
 * other; a membership changed through one while the user's phone was offline holds on the other.
 */
class CrossInstanceDeliveryIT {

    private static PackagedFunction first;
    private static PackagedFunction second;

    private static TestPool database;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = PackagedFunction.start("chat-instance-a");
        second = PackagedFunction.start("chat-instance-b");
        RestAssured.port = first.port();
        database = TestPool.open();
    }

    @AfterAll
    static void stopInstances() {
        if (database != null) {
            database.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aMessagePostedOnOneInstanceReachesSocketsOnTheOther() throws Exception {
        String room = openRoom("lead1", "officer1");
        String chat = createChat("lead1", room, "officer1");
        try (StreamClient onSecond = StreamClient.connect(second.port(), "officer1")) {
            onSecond.hello(Map.of());
            onSecond.awaitType("caught_up");

            long sentAt = System.nanoTime();
            sendText("lead1", chat, "über Instanz A");
            JsonNode received = onSecond.await(f -> "event".equals(f.path("type").asText())
                    && "über Instanz A".equals(f.path("payload").path("body").asText()), Duration.ofSeconds(5));
            long millis = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();

            assertThat(received.path("chatId").asText()).isEqualTo(chat);
            assertThat(millis).as("send to delivery across instances, ms").isLessThan(5000);
        }
    }

    /** Changed through the first instance while the phone was offline; the phone comes back to the second. */
    @ParameterizedTest
    @EnumSource(OfflineChange.class)
    void aWatchAfterAnOfflineMembershipChangeIsRefusedOnTheOtherInstance(OfflineChange change) throws Exception {
        String room = openRoom(MembershipSteps.MANAGER, OfflineChange.USER);
        String chat = createChat(MembershipSteps.MANAGER, room, OfflineChange.USER);
        MembershipSteps steps = new MembershipSteps(room, chat, userId(OfflineChange.USER));

        change.watchThenGoOffline(second.port(), chat);
        change.apply(steps);
        change.assertWatchRefusedWithoutPositions(second.port(), chat, payload -> database.pool()
                .preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(PositionBatch.CHANNEL, payload))
                .await().atMost(Duration.ofSeconds(5)));
    }
}
