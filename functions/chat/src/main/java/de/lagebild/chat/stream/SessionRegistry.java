package de.lagebild.chat.stream;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The sockets of this instance, found by connection, by user and by the rooms they follow. Used on the stream's context only. */
final class SessionRegistry {

    private final Map<String, StreamSession> byId = new HashMap<>();
    private final Map<UUID, Set<StreamSession>> byUser = new HashMap<>();
    private final Map<UUID, Set<StreamSession>> byRoom = new HashMap<>();

    void add(StreamSession session) {
        byId.put(session.id, session);
        byUser.computeIfAbsent(session.userId, id -> new HashSet<>()).add(session);
    }

    StreamSession get(String id) {
        return byId.get(id);
    }

    /** Forgets the socket everywhere and marks it closed; null if it was not known. */
    StreamSession remove(String id) {
        StreamSession session = byId.remove(id);
        if (session == null) {
            return null;
        }
        session.closed = true;
        session.rooms.keySet().forEach(room -> removeFrom(byRoom, room, session));
        removeFrom(byUser, session.userId, session);
        return session;
    }

    /**
     * Starts following a room from a cursor; null if the socket follows it already (its cursor is
     * kept: a socket never goes back in a room's log).
     */
    StreamSession.RoomCursor follow(StreamSession session, UUID roomId, long seq, boolean initial) {
        if (session.rooms.containsKey(roomId)) {
            return null;
        }
        StreamSession.RoomCursor cursor = new StreamSession.RoomCursor(seq, initial);
        session.rooms.put(roomId, cursor);
        byRoom.computeIfAbsent(roomId, id -> new HashSet<>()).add(session);
        return cursor;
    }

    void unfollow(StreamSession session, UUID roomId) {
        if (session.rooms.remove(roomId) != null) {
            removeFrom(byRoom, roomId, session);
        }
    }

    Set<StreamSession> ofUser(UUID userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    /** A copy: delivering may make sockets follow or leave the room. */
    List<StreamSession> followers(UUID roomId) {
        Set<StreamSession> followers = byRoom.get(roomId);
        return followers == null ? List.of() : List.copyOf(followers);
    }

    boolean isFollowed(UUID roomId) {
        return byRoom.containsKey(roomId);
    }

    Set<UUID> followedRooms() {
        return byRoom.keySet();
    }

    Collection<StreamSession> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }

    private static <K> void removeFrom(Map<K, Set<StreamSession>> index, K key, StreamSession session) {
        Set<StreamSession> set = index.get(key);
        if (set != null) {
            set.remove(session);
            if (set.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
