package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Replaying one room to one socket from its cursor, page by page, with the visibility rebuilt at the cursor. */
class RoomReplayTest {

    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();

    private final InMemoryLog log = new InMemoryLog();
    private final TestSocket socket = new TestSocket();
    private final StreamSession session = new StreamSession("s1", USER, socket, new FrameBudget(10, 1, 0));
    private final List<StreamSession> caughtUp = new ArrayList<>();

    private RoomReplay replay(int highWater, int readBatch) {
        FlowControl flow = new FlowControl(highWater, Duration.ofSeconds(30), Runnable::run, resumed -> { }, 1000, () -> { });
        return new RoomReplay(log, new ServerFrames(new ObjectMapper()), flow, readBatch, Runnable::run,
                (millis, task) -> { }, caughtUp::add, SentEvents.NONE);
    }

    @Test
    void sendsWhatTheUserMaySeeAfterTheCursorAndReportsTheInitialReplayDone() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        log.chatCreated(CHAT, MANAGER, USER);
        log.message(CHAT, "before the cursor");
        long cursor = log.lastSeq();
        log.removedFromChat(CHAT, USER);
        log.message(CHAT, "after leaving");
        log.addedToChat(CHAT, USER, "read");
        log.message(CHAT, "back");
        session.rooms.put(log.roomId, new StreamSession.RoomCursor(cursor, true));

        replay(100, 2).replay(session, log.roomId);

        assertThat(socket.sent).hasSize(3);
        assertThat(socket.sent.get(0)).contains("\"seq\":5", "chat.member_removed");
        assertThat(socket.sent.get(1)).contains("\"seq\":7", "chat.member_added");
        assertThat(socket.sent.get(2)).contains("\"seq\":8", "back");
        assertThat(session.rooms.get(log.roomId).seq).isEqualTo(8);
        assertThat(caughtUp).containsExactly(session);
    }

    @Test
    void aSocketThatFillsUpIsLeftBehindAndContinuesWhereItStoppedWithoutRepeats() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        log.chatCreated(CHAT, MANAGER, USER);
        for (int i = 0; i < 10; i++) {
            log.message(CHAT, "m" + i);
        }
        socket.writesAtOnce = false;
        session.rooms.put(log.roomId, new StreamSession.RoomCursor(0, true));
        RoomReplay replay = replay(4, 100);

        replay.replay(session, log.roomId);
        StreamSession.RoomCursor cursor = session.rooms.get(log.roomId);
        assertThat(socket.sent).hasSize(4);
        assertThat(cursor.behind).isTrue();
        assertThat(caughtUp).isEmpty();

        socket.writesAtOnce = true;
        socket.writeAll();
        replay.replay(session, log.roomId);

        assertThat(socket.sent).hasSize(12).doesNotHaveDuplicates();
        assertThat(cursor.seq).isEqualTo(log.lastSeq());
        assertThat(caughtUp).containsExactly(session);
    }

    @Test
    void aUserWhoJoinedLateIsNotPagedThroughTheHistoryBeforeTheirJoining() {
        log.opened(MANAGER);
        log.chatCreated(CHAT, MANAGER, MANAGER);
        for (int i = 0; i < 50; i++) {
            log.message(CHAT, "before" + i);
        }
        log.addedToRoom(USER);
        log.addedToChat(CHAT, USER, "read");
        log.message(CHAT, "welcome");
        log.removedFromChat(CHAT, USER);
        log.removedFromRoom(USER);
        for (int i = 0; i < 50; i++) {
            log.message(CHAT, "after" + i);
        }
        session.rooms.put(log.roomId, new StreamSession.RoomCursor(0, true));

        replay(100, 5).replay(session, log.roomId);

        assertThat(socket.sent).hasSize(5);
        assertThat(socket.sent.get(0)).contains("room.member_added");
        assertThat(socket.sent.get(2)).contains("welcome");
        assertThat(socket.sent.get(4)).contains("room.member_removed");
        assertThat(session.rooms.get(log.roomId).seq).isEqualTo(log.lastSeq());
        assertThat(log.reads).as("reads of the log").isLessThan(10);
        assertThat(caughtUp).containsExactly(session);
    }

    @Test
    void aSocketWaitingForItsTurnToCatchUpIsNotReplayedButLeftBehind() {
        log.opened(MANAGER);
        log.addedToRoom(USER);
        session.rooms.put(log.roomId, new StreamSession.RoomCursor(0, true));
        session.waitsToCatchUp = true;

        replay(100, 10).replay(session, log.roomId);

        assertThat(socket.sent).isEmpty();
        assertThat(log.reads).isZero();
        assertThat(session.rooms.get(log.roomId).behind).isTrue();
    }
}
