package de.lagebild.chat.stream;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Brings one socket up to date in one room from its cursor: reads the room's events after the
 * cursor page by page, folds them into a {@link RoomVisibility} rebuilt at the cursor (the rule
 * the live feed applies) and sends what the user may see. It reads no more than the socket takes
 * now, so a slow phone is served in small pages. Used on the stream's context only.
 */
final class RoomReplay {

    private final LogReads reads;
    private final ServerFrames frames;
    private final FlowControl flow;
    private final int readBatch;
    private final Executor onContext;
    private final Timers timers;
    private final Consumer<StreamSession> initialReplayDone;
    private final SentEvents sent;

    RoomReplay(LogReads reads, ServerFrames frames, FlowControl flow, int readBatch, Executor onContext, Timers timers,
            Consumer<StreamSession> initialReplayDone, SentEvents sent) {
        this.reads = reads;
        this.frames = frames;
        this.flow = flow;
        this.readBatch = readBatch;
        this.onContext = onContext;
        this.timers = timers;
        this.initialReplayDone = initialReplayDone;
        this.sent = sent;
    }

    /** Sends what the user may see after the socket's cursor in the room, then moves the cursor to the room's end. */
    void replay(StreamSession session, UUID roomId) {
        StreamSession.RoomCursor cursor = session.rooms.get(roomId);
        if (cursor == null || session.closed) {
            return;
        }
        if (cursor.replaying) {
            cursor.replayAgain = true;
            return;
        }
        if (session.paused || session.waitsToCatchUp) {
            cursor.behind = true;
            return;
        }
        cursor.behind = false;
        cursor.replaying = true;
        cursor.replayAgain = false;
        int limit = Math.max(1, Math.min(readBatch, flow.bufferSpace(session)));
        reads.page(roomId, cursor.seq, limit)
                .emitOn(onContext)
                .call(page -> page.events().isEmpty() ? Uni.createFrom().voidItem() : visibilityAtCursor(roomId, cursor))
                .flatMap(page -> skipWhileNoMember(roomId, cursor, session.userId, page))
                .subscribe().with(page -> {
                    cursor.replaying = false;
                    if (session.closed || session.rooms.get(roomId) != cursor) {
                        return;
                    }
                    if (sendVisible(session, cursor, page)) {
                        continued(session, roomId, cursor, page);
                    }
                }, failure -> {
                    cursor.replaying = false;
                    Log.warnf("stream replay of room %s failed, retrying: %s", roomId, failure.getMessage());
                    timers.after(1000, () -> replay(session, roomId));
                });
    }

    /** The room's membership at the cursor: kept from the previous page, or read from the log. */
    private Uni<Void> visibilityAtCursor(UUID roomId, StreamSession.RoomCursor cursor) {
        RoomVisibility kept = cursor.replayVisibility;
        if (kept != null && kept.seq() == cursor.seq) {
            return Uni.createFrom().voidItem();
        }
        long at = cursor.seq;
        Uni<RoomVisibility> read = at == 0
                ? Uni.createFrom().item(RoomVisibility.at(0, List.of()))
                : reads.membershipUpTo(roomId, at).emitOn(onContext).map(events -> RoomVisibility.at(at, events));
        return read.invoke(visibility -> cursor.replayVisibility = visibility).replaceWithVoid();
    }

    /**
     * Where the user is no member of the room at the cursor, nothing is theirs until an event makes
     * them one again: the cursor moves to just before it (or to the room's end), so that a user
     * who joined a long room late, or left it, does not page through events they may not see.
     */
    private Uni<LogReads.Page> skipWhileNoMember(UUID roomId, StreamSession.RoomCursor cursor, UUID user,
            LogReads.Page page) {
        if (page.events().isEmpty() || cursor.replayVisibility.isMember(user)) {
            return Uni.createFrom().item(page);
        }
        long from = cursor.seq;
        return reads.membershipUpTo(roomId, page.roomLastSeq()).emitOn(onContext).map(membership -> {
            RoomVisibility probe = RoomVisibility.at(from, membership);
            for (EventRow event : membership) {
                if (event.seq() <= from) {
                    continue;
                }
                RoomVisibility.Audience audience = probe.fold(event);
                if (event.chatId() == null && user.equals(audience.gaining())) {
                    cursor.seq = event.seq() - 1;
                    cursor.replayVisibility = RoomVisibility.at(cursor.seq, membership);
                    return new LogReads.Page(page.events().stream().filter(e -> e.seq() > cursor.seq).toList(),
                            page.roomLastSeq(), page.full());
                }
            }
            cursor.seq = Math.max(from, page.roomLastSeq());
            cursor.replayVisibility = null;
            return new LogReads.Page(List.of(), page.roomLastSeq(), false);
        });
    }

    /** Sends the page's visible events; false when the socket filled up (it is replayed again once drained). */
    private boolean sendVisible(StreamSession session, StreamSession.RoomCursor cursor, LogReads.Page page) {
        for (EventRow event : page.events()) {
            if (event.seq() <= cursor.seq) {
                continue;
            }
            if (cursor.replayVisibility.fold(event).includes(session.userId)) {
                if (!flow.hasBufferSpace(session)) {
                    cursor.behind = true;
                    // It has folded in an event the cursor has not passed: rebuilt at the cursor next time.
                    cursor.replayVisibility = null;
                    return false;
                }
                flow.send(session, frames.event(event));
                sent.sent(event, session.userId);
            }
            cursor.seq = event.seq();
        }
        return true;
    }

    private void continued(StreamSession session, UUID roomId, StreamSession.RoomCursor cursor, LogReads.Page page) {
        if (!page.full()) {
            cursor.seq = Math.max(cursor.seq, page.roomLastSeq());
        }
        if (page.full() || cursor.replayAgain) {
            replay(session, roomId);
            return;
        }
        cursor.replayVisibility = null;
        if (cursor.initial) {
            cursor.initial = false;
            initialReplayDone.accept(session);
        }
    }
}
