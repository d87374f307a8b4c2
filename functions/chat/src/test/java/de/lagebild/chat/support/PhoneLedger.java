package de.lagebild.chat.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a phone has processed of one room: its cursor, the ids of one chat's messages in the order
 * they came, and every event that came at or below the cursor (a duplicate or out of order).
 */
public final class PhoneLedger {

    private final String room;
    private final String chat;
    private final List<String> messageIds = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> notAfterCursor = Collections.synchronizedList(new ArrayList<>());
    private volatile long cursor;

    public PhoneLedger(String room, String chat) {
        this.room = room;
        this.chat = chat;
    }

    public long cursor() {
        return cursor;
    }

    public List<String> messageIds() {
        return messageIds;
    }

    public List<Long> notAfterCursor() {
        return notAfterCursor;
    }

    public void take(JsonNode frame) {
        if (!"event".equals(frame.path("type").asText()) || !room.equals(frame.path("roomId").asText())) {
            return;
        }
        long seq = frame.path("seq").asLong();
        if (seq <= cursor) {
            notAfterCursor.add(seq);
            return;
        }
        cursor = seq;
        if ("message.created".equals(frame.path("event").asText()) && chat.equals(frame.path("chatId").asText())) {
            messageIds.add(frame.path("payload").path("id").asText());
        }
    }
}
