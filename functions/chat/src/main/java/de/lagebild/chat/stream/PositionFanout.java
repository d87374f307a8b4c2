package de.lagebild.chat.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.positions.BusFix;
import de.lagebild.common.positions.PositionBatch;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Hands position batches from the positions function to the sockets watching a chat's map: only
 * fixes of that chat's members, only to watchers who may read the chat, each with the member's
 * unit status in the chat's room so the map can colour the forces. A watch is granted by the
 * database (the truth now, not what this instance has seen of the log); from then on the room's
 * feed decides, once it has reached the point of the log where the watch was granted. Used on the
 * stream's context only.
 */
final class PositionFanout {

    static final String UNWATCHED = "unwatched";
    static final String ACCESS_LOST = "access_lost";
    /** A closed operation shares no live positions: its map is frozen at the closing (the map endpoints). */
    static final String ROOM_CLOSED = "room_closed";

    /** A granted watch: the chat's room, and the room's last seq when it was granted. */
    private record Watch(UUID roomId, long grantedAt) {
    }

    private final EventReader reader;
    private final RoomFeeds feeds;
    private final ServerFrames frames;
    private final FlowControl flow;
    private final ObjectMapper json;
    private final Executor onContext;
    private final Map<UUID, Map<StreamSession, Watch>> watchers = new HashMap<>();
    /** The unit statuses of each room with a watched chat. */
    private final Map<UUID, ForceStatuses> statuses = new HashMap<>();

    PositionFanout(EventReader reader, RoomFeeds feeds, ServerFrames frames, FlowControl flow, ObjectMapper json,
            Executor onContext) {
        this.reader = reader;
        this.feeds = feeds;
        this.frames = frames;
        this.flow = flow;
        this.json = json;
        this.onContext = onContext;
    }

    void watch(StreamSession session, UUID chatId) {
        if (chatId == null) {
            flow.send(session, frames.error("bad_frame", "watch needs a chatId"));
            return;
        }
        reader.readableChat(chatId, session.userId).emitOn(onContext).subscribe().with(readable -> {
            if (session.closed) {
                return;
            }
            if (readable == null) {
                flow.send(session, frames.error("not_found", "chat not found"));
                return;
            }
            if (readable.roomClosed()) {
                flow.send(session, frames.unwatched(chatId, ROOM_CLOSED));
                return;
            }
            session.watching.add(chatId);
            knowStatusesOf(readable.roomId());
            watchers.computeIfAbsent(chatId, id -> new HashMap<>()).put(session, new Watch(readable.roomId(),
                    readable.lastSeq()));
            flow.send(session, frames.watching(chatId));
        }, failure -> flow.send(session, frames.error("unavailable", "try again shortly")));
    }

    void unwatch(StreamSession session, UUID chatId, String reason) {
        if (chatId == null || !session.watching.remove(chatId)) {
            return;
        }
        forget(session, chatId);
        flow.send(session, frames.unwatched(chatId, reason));
    }

    void unwatchAll(StreamSession session) {
        session.watching.forEach(chatId -> forget(session, chatId));
        session.watching.clear();
    }

    /** After a membership event of a room: ends the watches in its chats of users who lost `read` by it. */
    void membershipChanged(UUID roomId, long seq, RoomVisibility room) {
        List<Runnable> ending = new ArrayList<>();
        watchers.forEach((chatId, watches) -> watches.forEach((session, watch) -> {
            if (watch.roomId().equals(roomId) && watch.grantedAt() < seq && !room.canRead(chatId, session.userId)) {
                ending.add(() -> unwatch(session, chatId, ACCESS_LOST));
            }
        }));
        ending.forEach(Runnable::run);
    }

    /** After a room's `unit.status_changed`: the member's status for the frames of its watched chats. */
    void statusChanged(EventRow event) {
        ForceStatuses room = statuses.get(event.roomId());
        if (room == null) {
            return;
        }
        try {
            JsonNode payload = json.readTree(event.payload());
            room.merge(new ForceStatuses.Known(UUID.fromString(payload.path("userId").asText()), event.seq(),
                    payload.path("status").toString()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.warn("ignoring malformed unit status event");
        }
    }

    /** The first watch of a room's chat loads the room's statuses; the feed keeps them from then on. */
    private void knowStatusesOf(UUID roomId) {
        if (statuses.containsKey(roomId)) {
            return;
        }
        ForceStatuses room = new ForceStatuses();
        statuses.put(roomId, room);
        reader.unitStatuses(roomId).emitOn(onContext).subscribe().with(known -> known.forEach(room::merge),
                // Positions still flow; statuses arrive with the next change of each member.
                failure -> Log.warnf("could not read the unit statuses of a room: %s", failure.getMessage()));
    }

    /** After a room's `room.closed`: ends every watch of its chats. */
    void roomClosed(UUID roomId) {
        List<Runnable> ending = new ArrayList<>();
        watchers.forEach((chatId, watches) -> watches.forEach((session, watch) -> {
            if (watch.roomId().equals(roomId)) {
                ending.add(() -> unwatch(session, chatId, ROOM_CLOSED));
            }
        }));
        ending.forEach(Runnable::run);
    }

    void publish(String payload) {
        if (watchers.isEmpty()) {
            return;
        }
        PositionBatch batch;
        try {
            batch = json.readValue(payload, PositionBatch.class);
        } catch (JsonProcessingException e) {
            Log.warn("ignoring malformed positions batch");
            return;
        }
        for (UUID chatId : List.copyOf(watchers.keySet())) {
            sendToWatchers(chatId, batch);
        }
    }

    private void sendToWatchers(UUID chatId, PositionBatch batch) {
        String frame = null;
        for (Map.Entry<StreamSession, Watch> entry : List.copyOf(watchers.get(chatId).entrySet())) {
            StreamSession session = entry.getKey();
            UUID roomId = entry.getValue().roomId();
            RoomVisibility room = feeds.visibility(roomId);
            if (room == null || room.seq() < entry.getValue().grantedAt()) {
                continue;
            }
            if (!room.canRead(chatId, session.userId)) {
                unwatch(session, chatId, ACCESS_LOST);
                continue;
            }
            frame = frame == null ? frameFor(chatId, batch, room.chatMembers(chatId), statuses.get(roomId)) : frame;
            if (!frame.isEmpty()) {
                flow.sendIfIdle(session, frame);
            }
        }
    }

    /**
     * The batch's fixes and gone users of the chat's members, and the unit statuses of those with a
     * fix, as a `positions` frame; empty when none.
     */
    private String frameFor(UUID chatId, PositionBatch batch, Set<UUID> members, ForceStatuses known) {
        List<BusFix> fixes = batch.fixes().stream().filter(fix -> members.contains(fix.u())).toList();
        List<UUID> gone = batch.gone().stream().filter(members::contains).toList();
        if (fixes.isEmpty() && gone.isEmpty()) {
            return "";
        }
        StringBuilder statusesJson = new StringBuilder("{");
        Set<UUID> listed = new HashSet<>();
        for (BusFix fix : fixes) {
            String status = known == null ? null : known.of(fix.u());
            if (status != null && listed.add(fix.u())) {
                statusesJson.append(listed.size() > 1 ? "," : "").append('"').append(fix.u()).append("\":")
                        .append(status);
            }
        }
        try {
            return frames.positions(chatId, json.writeValueAsString(fixes), json.writeValueAsString(gone),
                    statusesJson.append('}').toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void forget(StreamSession session, UUID chatId) {
        Map<StreamSession, Watch> watches = watchers.get(chatId);
        if (watches != null) {
            Watch ended = watches.remove(session);
            if (watches.isEmpty()) {
                watchers.remove(chatId);
            }
            if (ended != null && watchers.values().stream().flatMap(w -> w.values().stream())
                    .noneMatch(watch -> watch.roomId().equals(ended.roomId()))) {
                statuses.remove(ended.roomId());
            }
        }
    }
}
