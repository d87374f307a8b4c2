package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventType;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The stream's one visibility rule. Holds who belongs to one room and its chats at one point of
 * the room's log, built only from the log's membership events, and answers who may see the
 * event at that point: a room-wide event every member of the room, a chat's event every member of
 * the chat holding {@code read}, and any event also the user it takes that right from (their
 * removal, the revocation of their {@code read}). Live delivery folds each room's events in
 * through one instance per room; replay folds the events after a cursor into one started at the
 * cursor. Not thread-safe: used on the stream's context only.
 */
final class RoomVisibility {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String READ = Permission.READ.wireName();

    private final Set<UUID> members = new HashSet<>();
    /** chat → member → whether they hold `read`. */
    private final Map<UUID, Map<UUID, Boolean>> chats = new HashMap<>();
    private long seq;

    /** The state after the membership events given (in seq order), standing at {@code seq}. */
    static RoomVisibility at(long seq, Iterable<EventRow> membershipEvents) {
        RoomVisibility visibility = new RoomVisibility();
        for (EventRow event : membershipEvents) {
            if (event.seq() <= seq) {
                visibility.fold(event);
            }
        }
        visibility.seq = seq;
        return visibility;
    }

    /** The point of the log this state stands at: the last event folded in. */
    long seq() {
        return seq;
    }

    /**
     * Moves the state past the event (the next one of the room's log after {@link #seq()}) and
     * tells who may see it. The answer holds until the next event is folded in.
     */
    Audience fold(EventRow event) {
        seq = event.seq();
        EventType type = event.knownType();
        if (type == null || !type.changesMembership()) {
            return new Audience(event.chatId(), null, null);
        }
        JsonNode payload = parse(event);
        UUID subject = subjectOf(type, payload);
        if (subject == null && type != EventType.CHAT_CREATED) {
            return new Audience(event.chatId(), null, null);
        }
        boolean sawBefore = subject != null && sees(subject, event.chatId());
        apply(type, event.chatId(), subject, payload);
        boolean seesAfter = subject != null && sees(subject, event.chatId());
        return new Audience(event.chatId(), sawBefore && !seesAfter ? subject : null,
                !sawBefore && seesAfter ? subject : null);
    }

    /** Who may see one event: members as the rule says, plus the user who just lost the right. */
    final class Audience {
        private final UUID chatId;
        private final UUID losing;
        private final UUID gaining;

        private Audience(UUID chatId, UUID losing, UUID gaining) {
            this.chatId = chatId;
            this.losing = losing;
            this.gaining = gaining;
        }

        boolean includes(UUID user) {
            return user.equals(losing) || sees(user, chatId);
        }

        /** The user who may see the room (a room-wide event) or the chat from this event on, and not before; or null. */
        UUID gaining() {
            return gaining;
        }
    }

    boolean isMember(UUID user) {
        return members.contains(user);
    }

    boolean canRead(UUID chatId, UUID user) {
        return members.contains(user) && chats.getOrDefault(chatId, Map.of()).getOrDefault(user, false);
    }

    /** All members of the chat, with or without `read`: the people on its map. */
    Set<UUID> chatMembers(UUID chatId) {
        return chats.getOrDefault(chatId, Map.of()).keySet();
    }

    private boolean sees(UUID user, UUID chatId) {
        return chatId == null ? members.contains(user) : canRead(chatId, user);
    }

    private void apply(EventType type, UUID chatId, UUID subject, JsonNode payload) {
        switch (type) {
            case ROOM_OPENED, ROOM_MEMBER_ADDED -> members.add(subject);
            case ROOM_MEMBER_REMOVED -> {
                members.remove(subject);
                chats.values().forEach(chat -> chat.remove(subject));
            }
            case CHAT_CREATED -> {
                Map<UUID, Boolean> chat = chats.computeIfAbsent(chatId, id -> new HashMap<>());
                for (JsonNode member : payload.path("members")) {
                    UUID user = uuid(member.path("userId"));
                    if (user != null) {
                        chat.put(user, reads(member));
                    }
                }
            }
            case CHAT_MEMBER_ADDED, CHAT_PERMISSIONS_CHANGED ->
                    chats.computeIfAbsent(chatId, id -> new HashMap<>()).put(subject, reads(payload));
            case CHAT_MEMBER_REMOVED -> chats.getOrDefault(chatId, new HashMap<>()).remove(subject);
            default -> {
                // a role change moves nobody in or out
            }
        }
    }

    /** The one user whose membership the event changes (none for `chat.created`, which lists its members). */
    private static UUID subjectOf(EventType type, JsonNode payload) {
        return switch (type) {
            case ROOM_OPENED -> uuid(payload.path("managerId"));
            case CHAT_CREATED -> null;
            default -> uuid(payload.path("userId"));
        };
    }

    private static boolean reads(JsonNode member) {
        for (JsonNode permission : member.path("permissions")) {
            if (READ.equals(permission.asText())) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isTextual() ? UUID.fromString(node.asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static JsonNode parse(EventRow event) {
        try {
            return JSON.readTree(event.payload());
        } catch (IOException e) {
            throw new IllegalStateException("membership event " + event.roomId() + "/" + event.seq()
                    + " has no JSON payload", e);
        }
    }
}
