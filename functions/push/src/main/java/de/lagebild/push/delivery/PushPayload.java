package de.lagebild.push.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What a notification says, as the web client's service worker reads it from a Web Push message:
 * a title and a body to show, and where a click leads (the alarm, the chat).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushPayload(String kind, Priority priority, String title, String body, UUID eventId, UUID roomId,
        UUID chatId, UUID alarmId) {
}
