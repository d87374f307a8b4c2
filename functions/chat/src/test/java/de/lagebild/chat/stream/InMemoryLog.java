package de.lagebild.chat.stream;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One room's log in memory, for the stream's classes without a database; appends events as the services would. */
final class InMemoryLog implements LogReads {

    final UUID roomId = UUID.randomUUID();
    final List<EventRow> events = new ArrayList<>();
    int reads;

    long lastSeq() {
        return events.size();
    }

    EventRow append(UUID chatId, String type, String payload) {
        EventRow event = new EventRow(roomId, events.size() + 1, chatId, type, null, payload,
                OffsetDateTime.of(2026, 11, 26, 17, 0, 0, 0, ZoneOffset.UTC));
        events.add(event);
        return event;
    }

    EventRow opened(UUID manager) {
        return append(null, "room.opened", "{\"roomId\":\"" + roomId + "\",\"name\":\"Einsatz\",\"managerId\":\"" + manager + "\"}");
    }

    EventRow addedToRoom(UUID user) {
        return append(null, "room.member_added", "{\"userId\":\"" + user + "\",\"displayName\":\"x\",\"role\":\"member\"}");
    }

    EventRow removedFromRoom(UUID user) {
        return append(null, "room.member_removed", "{\"userId\":\"" + user + "\"}");
    }

    EventRow chatCreated(UUID chatId, UUID manager, UUID reader) {
        return append(chatId, "chat.created", "{\"chatId\":\"" + chatId + "\",\"name\":\"Lage\",\"members\":["
                + "{\"userId\":\"" + manager + "\",\"permissions\":[\"read\",\"write\",\"manage\"]},"
                + "{\"userId\":\"" + reader + "\",\"permissions\":[\"read\",\"write\"]}]}");
    }

    EventRow addedToChat(UUID chatId, UUID user, String... permissions) {
        return append(chatId, "chat.member_added", "{\"chatId\":\"" + chatId + "\",\"userId\":\"" + user
                + "\",\"displayName\":\"x\",\"permissions\":" + permissions(permissions) + "}");
    }

    EventRow permissionsChanged(UUID chatId, UUID user, String... permissions) {
        return append(chatId, "chat.permissions_changed", "{\"chatId\":\"" + chatId + "\",\"userId\":\"" + user
                + "\",\"permissions\":" + permissions(permissions) + "}");
    }

    EventRow removedFromChat(UUID chatId, UUID user) {
        return append(chatId, "chat.member_removed", "{\"chatId\":\"" + chatId + "\",\"userId\":\"" + user + "\"}");
    }

    EventRow closed() {
        return append(null, "room.closed", "{\"closedAt\":\"2026-11-26T18:00:00Z\"}");
    }

    EventRow message(UUID chatId, String body) {
        return append(chatId, "message.created", "{\"body\":\"" + body + "\"}");
    }

    @Override
    public Uni<List<EventRow>> after(UUID room, long afterSeq, int limit) {
        reads++;
        return Uni.createFrom().item(slice(afterSeq, limit));
    }

    @Override
    public Uni<Page> page(UUID room, long afterSeq, int limit) {
        reads++;
        List<EventRow> page = slice(afterSeq, limit);
        return Uni.createFrom().item(new Page(page, lastSeq(), page.size() == limit));
    }

    @Override
    public Uni<List<EventRow>> membershipUpTo(UUID room, long seq) {
        reads++;
        return Uni.createFrom().item(events.stream()
                .filter(event -> event.seq() <= seq && event.knownType() != null && event.knownType().changesMembership())
                .toList());
    }

    private List<EventRow> slice(long afterSeq, int limit) {
        return events.stream().filter(event -> event.seq() > afterSeq).limit(limit).toList();
    }

    private static String permissions(String... permissions) {
        List<String> quoted = new ArrayList<>();
        for (String permission : permissions) {
            quoted.add('"' + permission + '"');
        }
        return "[" + String.join(",", quoted) + "]";
    }
}
