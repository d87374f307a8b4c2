package de.lagebild.chat.alarm;

import static de.lagebild.chat.alarm.AlarmSteps.transition;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A raiser who had paused sharing: the audit row of the alarm says their position is shared despite
 * the pause, and once the alarm has ended they leave the watchers' live map again.
 */
@QuarkusTest
class AlarmPositionSharingTest {

    private static final String PAUSE = "update users set sharing_paused_at = case when $2 then now() end where id = $1";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    private final AlarmSteps alarms = new AlarmSteps();

    @AfterEach
    void shareAgain() {
        alarms.endAll();
        pool.preparedQuery(PAUSE).executeAndAwait(Tuple.of(UUID.fromString(userId("officer5")), false));
    }

    @Test
    void aPausedRaiserIsAuditedAsSharedAndLeavesTheLiveMapWhenTheAlarmEnds() throws Exception {
        String room = openRoom("lead2", "officer5");
        String chat = createChat("lead2", room, "officer5");
        UUID raiser = UUID.fromString(userId("officer5"));
        pool.preparedQuery(PAUSE).executeAndAwait(Tuple.of(raiser, true));
        try (StreamClient watcher = StreamClient.connect(base.getPort(), "lead2")) {
            watcher.hello(Map.of());
            watcher.awaitType("caught_up");
            watcher.send("{\"type\":\"watch\",\"chatId\":\"" + chat + "\"}");
            watcher.awaitType("watching");

            String alarm = alarms.raise("officer5", room);
            String details = pool.preparedQuery("select details::text from audit_log where action = 'alarm.raised'"
                    + " and details ->> 'alarmId' = $1").executeAndAwait(Tuple.of(alarm)).iterator().next().getString(0);
            assertThat(details).contains("\"positionSharedDespitePause\": true");

            transition("officer5", alarm, "cancel").then().statusCode(200);
            JsonNode gone = watcher.await(f -> "positions".equals(f.path("type").asText())
                    && f.path("gone").toString().contains(raiser.toString()), Duration.ofSeconds(10));
            assertThat(gone.path("chatId").asText()).isEqualTo(chat);
        }
    }
}
