package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A room's feed delivered to the sockets following it, through the room's visibility. */
class LiveDeliveryTest {

    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final InMemoryLog log = new InMemoryLog();
    private final SessionRegistry sessions = new SessionRegistry();
    private final TestSocket socket = new TestSocket();
    private final StreamSession session = new StreamSession("s", USER, socket, new FrameBudget(1, 1, 0));
    private final List<UUID> caughtUp = new ArrayList<>();
    private final List<Long> membershipChanges = new ArrayList<>();
    private final List<UUID> closings = new ArrayList<>();
    private final FlowControl flow = new FlowControl(100, Duration.ofSeconds(30), Runnable::run, resumed -> { }, 1000, () -> { });
    private final RoomFeeds feeds = new RoomFeeds(log, 100, Runnable::run, (millis, task) -> { },
            new LiveDelivery(sessions, new ServerFrames(new ObjectMapper()), flow,
                    (behind, room) -> caughtUp.add(room), new LiveDelivery.RoomChanges() {
                        @Override
                        public void changed(UUID roomId, long seq, RoomVisibility room) {
                            membershipChanges.add(seq);
                        }

                        @Override
                        public void closed(UUID roomId) {
                            closings.add(roomId);
                        }

                        @Override
                        public void statusChanged(EventRow event) {
                        }
                    }, SentEvents.NONE));

    @Test
    void aSocketRemovedAndAddedBackGetsItsMembershipsEventsOnceAndNothingOfTheGap() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        log.chatCreated(CHAT, MANAGER, USER);
        session.greeted = true;
        sessions.add(session);
        sessions.follow(session, log.roomId, log.lastSeq(), false);
        feeds.start(log.roomId, log.lastSeq());

        log.message(CHAT, "a");
        log.removedFromChat(CHAT, USER);
        log.removedFromRoom(USER);
        log.message(CHAT, "b");
        log.addedToRoom(USER);
        log.message(CHAT, "c");
        log.addedToChat(CHAT, USER, "read", "write");
        log.message(CHAT, "d");
        feeds.reached(log.roomId, log.lastSeq());

        assertThat(sentSeqs()).containsExactly(4L, 5L, 6L, 8L, 10L, 11L);
        assertThat(session.rooms.get(log.roomId).seq).isEqualTo(11);
        assertThat(caughtUp).as("no replay needed").isEmpty();
        assertThat(membershipChanges).containsExactly(5L, 6L, 8L, 10L);
    }

    @Test
    void theRoomsClosingIsToldOnceAfterItsEventWasDelivered() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        session.greeted = true;
        sessions.add(session);
        sessions.follow(session, log.roomId, log.lastSeq(), false);
        feeds.start(log.roomId, log.lastSeq());

        log.closed();
        log.message(null, "after");
        feeds.reached(log.roomId, log.lastSeq());

        assertThat(sentSeqs()).containsExactly(3L, 4L);
        assertThat(closings).containsExactly(log.roomId);
        assertThat(membershipChanges).isEmpty();
    }

    @Test
    void aGreetedSocketFollowsARoomItsUserJoinsFromTheEventThatAddsThem() {
        log.opened(MANAGER);
        log.message(null, "before");
        session.greeted = true;
        sessions.add(session);
        feeds.start(log.roomId, log.lastSeq());

        log.addedToRoom(USER);
        log.message(null, "after");
        feeds.reached(log.roomId, log.lastSeq());

        assertThat(sentSeqs()).containsExactly(3L, 4L);
    }

    @Test
    void aSocketWithAGapReplaysInsteadOfSkippingAhead() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        session.greeted = true;
        sessions.add(session);
        sessions.follow(session, log.roomId, 1, false);
        feeds.start(log.roomId, log.lastSeq());

        log.message(null, "new");
        feeds.reached(log.roomId, log.lastSeq());

        assertThat(socket.sent).isEmpty();
        assertThat(caughtUp).containsExactly(log.roomId);
    }

    private List<Long> sentSeqs() {
        List<Long> seqs = new ArrayList<>();
        for (String frame : socket.sent) {
            Matcher matcher = SEQ.matcher(frame);
            if (matcher.find()) {
                seqs.add(Long.parseLong(matcher.group(1)));
            }
        }
        return seqs;
    }
}
