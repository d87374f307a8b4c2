package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Hands position batches from the positions function to the sockets watching a chat's map: only
 * fixes of that chat's members, only to watchers who may read the chat. Used on the hub's context only.
 */
final class PositionFanout {

    /** The bus channel the positions function publishes on (`{"fixes":[{"u":…}],"gone":[…]}`). */
    static final String CHANNEL = "positions";

    private final MembershipCache memberships;
    private final ServerFrames frames;
    private final ObjectMapper json;
    private final BiConsumer<StreamSession, String> send;
    private final Map<UUID, Set<StreamSession>> watchers = new HashMap<>();

    PositionFanout(MembershipCache memberships, ServerFrames frames, ObjectMapper json,
            BiConsumer<StreamSession, String> send) {
        this.memberships = memberships;
        this.frames = frames;
        this.json = json;
        this.send = send;
    }

    void watch(StreamSession session, UUID chatId) {
        if (chatId == null) {
            send.accept(session, frames.error("bad_frame", "watch needs a chatId"));
            return;
        }
        memberships.chatReaders(chatId).subscribe().with(readers -> {
            if (session.closed) {
                return;
            }
            if (!readers.contains(session.userId())) {
                send.accept(session, frames.error("not_found", "chat not found"));
                return;
            }
            session.watching.add(chatId);
            watchers.computeIfAbsent(chatId, id -> new HashSet<>()).add(session);
            send.accept(session, frames.watching(chatId));
        }, failure -> send.accept(session, frames.error("unavailable", "try again shortly")));
    }

    void unwatch(StreamSession session, UUID chatId) {
        if (chatId == null || !session.watching.remove(chatId)) {
            return;
        }
        Set<StreamSession> set = watchers.get(chatId);
        if (set != null) {
            set.remove(session);
            if (set.isEmpty()) {
                watchers.remove(chatId);
            }
        }
        send.accept(session, frames.unwatched(chatId, "unwatched"));
    }

    void unwatchRoom(StreamSession session, UUID roomId) {
        for (UUID chatId : List.copyOf(session.watching)) {
            memberships.chatReaders(chatId).subscribe().with(readers -> {
                if (!readers.contains(session.userId())) {
                    unwatch(session, chatId);
                }
            }, failure -> unwatch(session, chatId));
        }
    }

    void unwatchAll(StreamSession session) {
        for (UUID chatId : session.watching) {
            Set<StreamSession> set = watchers.get(chatId);
            if (set != null) {
                set.remove(session);
                if (set.isEmpty()) {
                    watchers.remove(chatId);
                }
            }
        }
        session.watching.clear();
    }

    void publish(String payload) {
        if (watchers.isEmpty()) {
            return;
        }
        JsonNode batch;
        try {
            batch = json.readTree(payload);
        } catch (IOException e) {
            Log.warn("ignoring malformed positions batch");
            return;
        }
        for (UUID chatId : List.copyOf(watchers.keySet())) {
            Uni.combine().all().unis(memberships.chatMembers(chatId), memberships.chatReaders(chatId)).asTuple()
                    .subscribe().with(
                            sets -> sendToWatchers(chatId, batch, sets.getItem1(), sets.getItem2()),
                            failure -> Log.debugf("positions for chat %s not delivered: %s", chatId, failure.getMessage()));
        }
    }

    private void sendToWatchers(UUID chatId, JsonNode batch, Set<UUID> members, Set<UUID> readers) {
        ArrayNode fixes = json.createArrayNode();
        for (JsonNode fix : batch.path("fixes")) {
            if (isMember(members, fix.path("u").asText())) {
                fixes.add(fix);
            }
        }
        ArrayNode gone = json.createArrayNode();
        for (JsonNode user : batch.path("gone")) {
            if (isMember(members, user.asText())) {
                gone.add(user);
            }
        }
        if (fixes.isEmpty() && gone.isEmpty()) {
            return;
        }
        String frame = frames.positions(chatId, fixes.toString(), gone.toString());
        for (StreamSession session : List.copyOf(watchers.getOrDefault(chatId, Set.of()))) {
            if (readers.contains(session.userId())) {
                send.accept(session, frame);
            } else {
                unwatch(session, chatId);
            }
        }
    }

    private static boolean isMember(Set<UUID> members, String userId) {
        try {
            return members.contains(UUID.fromString(userId));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
