package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.access.Permission;
import de.lagebild.common.events.EventType;
import de.lagebild.common.events.payload.ChatCreated;
import de.lagebild.common.events.payload.ChatMemberAdded;
import de.lagebild.common.events.payload.ChatMemberRemoved;
import de.lagebild.common.events.payload.ChatPermissionsChanged;
import de.lagebild.common.events.payload.EventPayload;
import de.lagebild.common.events.payload.RoomMemberAdded;
import de.lagebild.common.events.payload.RoomMemberRemoved;
import de.lagebild.common.events.payload.RoomMemberRoleChanged;
import de.lagebild.common.events.payload.RoomOpened;
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

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        EventPayload change = read(event, payloadType(type));
        UUID subject = subjectOf(change);
        boolean sawBefore = subject != null && sees(subject, event.chatId());
        apply(change, event.chatId());
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

    private void apply(EventPayload change, UUID chatId) {
        if (change instanceof RoomOpened opened) {
            members.add(opened.managerId());
        } else if (change instanceof RoomMemberAdded added) {
            members.add(added.userId());
        } else if (change instanceof RoomMemberRemoved removed) {
            members.remove(removed.userId());
            chats.values().forEach(chat -> chat.remove(removed.userId()));
        } else if (change instanceof ChatCreated created) {
            Map<UUID, Boolean> chat = chats.computeIfAbsent(chatId, id -> new HashMap<>());
            created.members().forEach(member -> chat.put(member.userId(), reads(member.permissions())));
        } else if (change instanceof ChatMemberAdded added) {
            chats.computeIfAbsent(chatId, id -> new HashMap<>()).put(added.userId(), reads(added.permissions()));
        } else if (change instanceof ChatPermissionsChanged changed) {
            chats.computeIfAbsent(chatId, id -> new HashMap<>()).put(changed.userId(), reads(changed.permissions()));
        } else if (change instanceof ChatMemberRemoved removed) {
            chats.getOrDefault(chatId, new HashMap<>()).remove(removed.userId());
        }
    }

    /** The one user whose membership the event changes (none for `chat.created`, which lists its members). */
    private static UUID subjectOf(EventPayload change) {
        if (change instanceof RoomOpened opened) {
            return opened.managerId();
        } else if (change instanceof RoomMemberAdded added) {
            return added.userId();
        } else if (change instanceof RoomMemberRoleChanged changed) {
            return changed.userId();
        } else if (change instanceof RoomMemberRemoved removed) {
            return removed.userId();
        } else if (change instanceof ChatMemberAdded added) {
            return added.userId();
        } else if (change instanceof ChatPermissionsChanged changed) {
            return changed.userId();
        } else if (change instanceof ChatMemberRemoved removed) {
            return removed.userId();
        }
        return null;
    }

    private static Class<? extends EventPayload> payloadType(EventType type) {
        return switch (type) {
            case ROOM_OPENED -> RoomOpened.class;
            case ROOM_MEMBER_ADDED -> RoomMemberAdded.class;
            case ROOM_MEMBER_ROLE_CHANGED -> RoomMemberRoleChanged.class;
            case ROOM_MEMBER_REMOVED -> RoomMemberRemoved.class;
            case CHAT_CREATED -> ChatCreated.class;
            case CHAT_MEMBER_ADDED -> ChatMemberAdded.class;
            case CHAT_PERMISSIONS_CHANGED -> ChatPermissionsChanged.class;
            case CHAT_MEMBER_REMOVED -> ChatMemberRemoved.class;
            default -> throw new IllegalArgumentException(type + " changes no membership");
        };
    }

    private static boolean reads(Set<Permission> permissions) {
        return permissions != null && permissions.contains(Permission.READ);
    }

    private static EventPayload read(EventRow event, Class<? extends EventPayload> type) {
        try {
            return JSON.readValue(event.payload(), type);
        } catch (IOException e) {
            throw new IllegalStateException("membership event " + event.roomId() + "/" + event.seq()
                    + " has no readable payload", e);
        }
    }
}
