package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A room's live feed: each event once, in order, with the audience of the room's membership at that point. */
class RoomFeedsTest {

    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();

    private final InMemoryLog log = new InMemoryLog();
    private final List<Long> delivered = new ArrayList<>();
    private final List<Boolean> userSees = new ArrayList<>();
    private final RoomFeeds feeds = new RoomFeeds(log, 2, Runnable::run, (millis, task) -> { }, (event, audience, room) -> {
        delivered.add(event.seq());
        userSees.add(audience.includes(USER));
    });

    @Test
    void aFeedStartedMidLogKnowsTheMembershipAtItsStartAndDeliversEachLaterEventOnce() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        log.chatCreated(CHAT, MANAGER, USER);
        feeds.start(log.roomId, log.lastSeq());
        assertThat(feeds.visibility(log.roomId).canRead(CHAT, USER)).isTrue();

        log.message(CHAT, "one");
        log.removedFromChat(CHAT, USER);
        log.message(CHAT, "two");
        feeds.reached(log.roomId, log.lastSeq());
        feeds.reached(log.roomId, log.lastSeq());

        assertThat(delivered).containsExactly(4L, 5L, 6L);
        assertThat(userSees).containsExactly(true, true, false);
        assertThat(feeds.visibility(log.roomId).seq()).isEqualTo(6);
    }

    @Test
    void aWakeUpForAnUnknownRoomStartsItsFeedAtThatEventWithTheMembershipBeforeIt() {
        log.opened(MANAGER);
        log.removedFromRoom(MANAGER);
        log.addedToRoom(USER);

        feeds.reached(log.roomId, log.lastSeq());

        assertThat(delivered).containsExactly(3L);
        assertThat(feeds.visibility(log.roomId).isMember(MANAGER)).isFalse();
        assertThat(feeds.visibility(log.roomId).isMember(USER)).isTrue();
    }

    @Test
    void feedsOfRoomsNobodyFollowsAreDropped() {
        log.opened(MANAGER);
        feeds.start(log.roomId, 1);
        feeds.dropUnless(room -> false);
        assertThat(feeds.visibility(log.roomId)).isNull();
    }
}
