package de.lagebild.chat.stream;

import de.lagebild.common.events.EventType;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Hands each event of a room's feed to the sockets following the room: to those standing right
 * before it, if the room's visibility lets their user see it; a socket that is behind or has a gap
 * replays instead, so each socket gets a room's events in seq order and once. Delivering costs no
 * query: the event was read once for all, its frame is built once. Used on the stream's context only.
 */
final class LiveDelivery implements RoomFeeds.Delivery {

    /**
     * Told after each membership event of a room, with the room's membership after it, after its
     * closing, and after each unit status change in it.
     */
    interface RoomChanges {
        void changed(UUID roomId, long seq, RoomVisibility room);

        void closed(UUID roomId);

        void statusChanged(EventRow event);
    }

    private final SessionRegistry sessions;
    private final ServerFrames frames;
    private final FlowControl flow;
    private final BiConsumer<StreamSession, UUID> catchUp;
    private final RoomChanges membership;
    private final SentEvents sent;

    LiveDelivery(SessionRegistry sessions, ServerFrames frames, FlowControl flow,
            BiConsumer<StreamSession, UUID> catchUp, RoomChanges membership, SentEvents sent) {
        this.sessions = sessions;
        this.frames = frames;
        this.flow = flow;
        this.catchUp = catchUp;
        this.membership = membership;
        this.sent = sent;
    }

    /** Hands one event of a room's feed to every socket following the room that is at the event's seq. */
    @Override
    public void deliver(EventRow event, RoomVisibility.Audience audience, RoomVisibility room) {
        if (event.chatId() == null && audience.gaining() != null) {
            followJoinedRoom(event, audience.gaining());
        }
        String frame = null;
        for (StreamSession session : sessions.followers(event.roomId())) {
            StreamSession.RoomCursor cursor = session.rooms.get(event.roomId());
            if (event.seq() <= cursor.seq || cursor.behind) {
                continue;
            }
            if (cursor.replaying || event.seq() != cursor.seq + 1) {
                catchUp.accept(session, event.roomId());
                continue;
            }
            if (audience.includes(session.userId)) {
                if (!flow.hasBufferSpace(session)) {
                    cursor.behind = true;
                    continue;
                }
                frame = frame == null ? frames.event(event) : frame;
                flow.send(session, frame);
                sent.sent(event, session.userId);
            }
            cursor.seq = event.seq();
        }
        EventType type = event.knownType();
        if (type != null && type.changesMembership()) {
            membership.changed(event.roomId(), event.seq(), room);
        } else if (type == EventType.ROOM_CLOSED) {
            membership.closed(event.roomId());
        } else if (type == EventType.UNIT_STATUS_CHANGED) {
            membership.statusChanged(event);
        }
    }

    /**
     * The user's sockets follow a room they just joined from this event on: nothing before it is
     * theirs, unless the client sent a cursor for it (a room it knew before); then the gap is replayed.
     */
    private void followJoinedRoom(EventRow event, UUID user) {
        for (StreamSession session : sessions.ofUser(user)) {
            if (session.greeted) {
                long from = Math.min(event.seq() - 1, session.clientCursors.getOrDefault(event.roomId(), event.seq() - 1));
                sessions.follow(session, event.roomId(), from, false);
            }
        }
    }
}
