package de.lagebild.chat.stream;

import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;

import de.lagebild.common.bus.Bus;
import de.lagebild.common.positions.PositionBatch;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A user who lost access to a chat while their phone was offline (removed from the room, from the
 * chat, or `read` revoked) and reconnects to an instance where nobody else of that room is
 * connected gets `not_found` for `watch` and no positions of that chat.
 */
@QuarkusTest
class WatchAfterOfflineMembershipChangeTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Bus bus;

    @ParameterizedTest
    @EnumSource(OfflineChange.class)
    void watchIsRefusedAndNoPositionsArrive(OfflineChange change) throws Exception {
        String room = openRoom(MembershipSteps.MANAGER, OfflineChange.USER);
        String chat = createChat(MembershipSteps.MANAGER, room, OfflineChange.USER);
        MembershipSteps steps = new MembershipSteps(room, chat, userId(OfflineChange.USER));
        int port = base.getPort();

        change.watchThenGoOffline(port, chat);
        change.apply(steps);
        change.assertWatchRefusedWithoutPositions(port, chat,
                payload -> bus.publish(PositionBatch.CHANNEL, payload).await().atMost(Duration.ofSeconds(5)));
    }
}
