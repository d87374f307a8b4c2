package de.lagebild.chat.stream;

import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Who is in which room and chat, as the hub needs it to route events and positions. Used on the
 * hub's context only; an entry is dropped when the hub sees an event that changes it, and read
 * again from the database on next use.
 */
final class MembershipCache {

    private static final int LIMIT = 20_000;

    private final EventReader reader;
    private final Executor hub;
    private final Map<UUID, Set<UUID>> roomMembers = new HashMap<>();
    private final Map<UUID, Set<UUID>> chatReaders = new HashMap<>();
    private final Map<UUID, Set<UUID>> chatMembers = new HashMap<>();
    /** Bumped by every forget: a load that started before a forget must not store what it read. */
    private long generation;

    MembershipCache(EventReader reader, Executor hub) {
        this.reader = reader;
        this.hub = hub;
    }

    Uni<Set<UUID>> roomMembers(UUID roomId) {
        return cached(roomMembers, roomId, reader::roomMembers);
    }

    /** Members holding `read`: they receive the chat's events. */
    Uni<Set<UUID>> chatReaders(UUID chatId) {
        return cached(chatReaders, chatId, reader::chatReaders);
    }

    /** All members: the participants whose positions the chat's map shows. */
    Uni<Set<UUID>> chatMembers(UUID chatId) {
        return cached(chatMembers, chatId, reader::chatMembers);
    }

    void forgetRoom(UUID roomId) {
        generation++;
        roomMembers.remove(roomId);
    }

    void forgetChat(UUID chatId) {
        generation++;
        chatReaders.remove(chatId);
        chatMembers.remove(chatId);
    }

    private Uni<Set<UUID>> cached(Map<UUID, Set<UUID>> cache, UUID id, Function<UUID, Uni<Set<UUID>>> load) {
        Set<UUID> known = cache.get(id);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        long loadedIn = generation;
        return load.apply(id).emitOn(hub).invoke(loaded -> {
            if (loadedIn != generation) {
                return;
            }
            if (cache.size() >= LIMIT) {
                cache.clear();
            }
            cache.put(id, loaded);
        });
    }
}
