package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.chat.support.StalledSocket;
import de.lagebild.common.testing.ManagementInterface;
import de.lagebild.common.testing.StreamClient;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.events.EventLog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A socket that reads nothing does not hold up the others, and is cut off when its queue overflows. */
@QuarkusTest
class SlowConsumerTest {

    private static final int FILLER_EVENTS = 1200;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    Bus bus;

    @Test
    void aStalledSocketIsCutOffWhileOthersKeepReceiving() throws Exception {
        String room = openRoom("lead1", "officer1", "officer2");
        String chat = createChat("lead1", room, "officer1", "officer2");
        try (StalledSocket stalled = new StalledSocket(base.getPort(), "officer2");
                StreamClient reader = StreamClient.connect(base.getPort(), "officer1")) {
            reader.hello(Map.of());
            reader.awaitType("caught_up");
            double stalledBefore = stalledClosed();

            long lastSeq = appendLargeEvents(UUID.fromString(room), FILLER_EVENTS);
            bus.publish(EventLog.CHANNEL, room + ":" + lastSeq).await().atMost(Duration.ofSeconds(5));
            reader.await(f -> f.path("seq").asLong() == lastSeq, Duration.ofSeconds(30));

            sendText("lead1", chat, "still flowing");
            reader.await(f -> "still flowing".equals(f.path("payload").path("body").asText()), Duration.ofSeconds(5));

            await().atMost(Duration.ofSeconds(30)).until(() -> stalledClosed() > stalledBefore);
            assertThat(stalled.readUntilClosed()).as("close code for the stalled socket").isEqualTo(1008);
        }
    }

    private static double stalledClosed() {
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("lagebild_stream_stalled_closed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** Room-wide events of 25 KB each, appended as the event log would (one transaction, gap-free seqs). */
    private long appendLargeEvents(UUID roomId, int count) {
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        with r as (update rooms set last_seq = last_seq + $2 where id = $1 returning last_seq),
                             ins as (insert into events (id, room_id, seq, type, payload)
                                     select gen_random_uuid(), $1, r.last_seq - $2 + g, 'test.filler',
                                            jsonb_build_object('filler', repeat('x', 25000))
                                       from r, generate_series(1, $2) g)
                        select last_seq from r""")
                .execute(Tuple.of(roomId, count))
                .map(rows -> rows.iterator().next().getLong(0)))
                .await().atMost(Duration.ofSeconds(30));
    }
}
