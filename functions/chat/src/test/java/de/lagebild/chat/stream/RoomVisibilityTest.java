package de.lagebild.chat.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The visibility rule on its own: who may see each event of a log, folded from the start (the
 * live feed), and the same answers when the state is rebuilt at any cursor from the membership
 * events alone (a replay).
 */
class RoomVisibilityTest {

    private static final UUID MANAGER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID CHAT = UUID.randomUUID();
    private static final UUID OTHER_CHAT = UUID.randomUUID();

    /** A log after the room was opened with MANAGER and USER in CHAT (read) and OTHER_CHAT without USER; each step's events with whether USER may see them. */
    enum Steps {
        MESSAGES_IN_BOTH_CHATS((log, seen) -> {
            seen.accept(log.message(CHAT, "mine"), true);
            seen.accept(log.message(OTHER_CHAT, "theirs"), false);
        }),
        REMOVED_FROM_THE_ROOM_AND_ADDED_BACK((log, seen) -> {
            seen.accept(log.removedFromChat(CHAT, USER), true);
            seen.accept(log.removedFromRoom(USER), true);
            seen.accept(log.message(CHAT, "gap"), false);
            seen.accept(log.addedToRoom(UUID.randomUUID()), false);
            seen.accept(log.addedToRoom(USER), true);
            seen.accept(log.message(CHAT, "still not in the chat"), false);
            seen.accept(log.addedToChat(CHAT, USER, "read"), true);
            seen.accept(log.message(CHAT, "back"), true);
        }),
        READ_REVOKED_AND_GRANTED((log, seen) -> {
            seen.accept(log.permissionsChanged(CHAT, USER, "write"), true);
            seen.accept(log.message(CHAT, "unread"), false);
            seen.accept(log.permissionsChanged(CHAT, MANAGER, "read", "manage"), false);
            seen.accept(log.permissionsChanged(CHAT, USER, "read"), true);
            seen.accept(log.message(CHAT, "read again"), true);
        }),
        REMOVED_FROM_A_CHAT_WITHOUT_READ((log, seen) -> {
            seen.accept(log.permissionsChanged(CHAT, USER, "write"), true);
            seen.accept(log.removedFromChat(CHAT, USER), false);
            seen.accept(log.removedFromRoom(USER), true);
        }),
        A_CHAT_CREATED_FOR_OTHERS((log, seen) -> {
            UUID chat = UUID.randomUUID();
            seen.accept(log.append(chat, "chat.created", "{\"chatId\":\"" + chat + "\",\"members\":[{\"userId\":\""
                    + MANAGER + "\",\"permissions\":[\"read\"]}]}"), false);
            seen.accept(log.message(chat, "not for them"), false);
            seen.accept(log.addedToChat(chat, USER, "write"), false);
            seen.accept(log.append(null, "test.unknown_kind", "{}"), true);
        });

        final BiConsumer<InMemoryLog, BiConsumer<EventRow, Boolean>> steps;

        Steps(BiConsumer<InMemoryLog, BiConsumer<EventRow, Boolean>> steps) {
            this.steps = steps;
        }
    }

    @ParameterizedTest
    @EnumSource(Steps.class)
    void liveAndFromEveryCursorTheUserSeesExactlyWhatTheRuleSays(Steps steps) {
        InMemoryLog log = new InMemoryLog();
        List<Boolean> expected = new ArrayList<>();
        BiConsumer<EventRow, Boolean> seen = (event, visible) -> expected.add(visible);
        seen.accept(log.opened(MANAGER), false);
        seen.accept(log.addedToRoom(USER), true);
        seen.accept(log.chatCreated(CHAT, MANAGER, USER), true);
        seen.accept(log.append(OTHER_CHAT, "chat.created", "{\"chatId\":\"" + OTHER_CHAT + "\",\"members\":[{\"userId\":\""
                + MANAGER + "\",\"permissions\":[\"read\"]}]}"), false);
        steps.steps.accept(log, seen);

        assertThat(visibleFrom(log, 0)).as("live").isEqualTo(expected);
        for (int cursor = 1; cursor < log.events.size(); cursor++) {
            assertThat(visibleFrom(log, cursor)).as("replay from " + cursor)
                    .isEqualTo(expected.subList(cursor, expected.size()));
        }
    }

    @Test
    void theMapShowsAllChatMembersAndOnlyReadersMayWatch() {
        InMemoryLog log = new InMemoryLog();
        log.opened(MANAGER);
        log.addedToRoom(USER);
        log.chatCreated(CHAT, MANAGER, USER);
        log.permissionsChanged(CHAT, USER, "write");
        RoomVisibility room = RoomVisibility.at(log.lastSeq(), log.events);

        assertThat(room.seq()).isEqualTo(log.lastSeq());
        assertThat(room.chatMembers(CHAT)).containsExactlyInAnyOrder(MANAGER, USER);
        assertThat(room.canRead(CHAT, MANAGER)).isTrue();
        assertThat(room.canRead(CHAT, USER)).isFalse();
        assertThat(room.isMember(USER)).isTrue();
    }

    private static List<Boolean> visibleFrom(InMemoryLog log, int cursor) {
        RoomVisibility visibility = RoomVisibility.at(cursor, log.events.stream()
                .filter(event -> event.knownType() != null && event.knownType().changesMembership()).toList());
        List<Boolean> visible = new ArrayList<>();
        for (EventRow event : log.events.subList(cursor, log.events.size())) {
            visible.add(visibility.fold(event).includes(USER));
        }
        return visible;
    }
}
