package de.lagebild.common.events;

import java.util.UUID;

/**
 * An event to append: its type (`message.created`, `chat.member_added`, ...), the chat it belongs
 * to (null for room-wide events) and its payload, serialised to JSON by the log.
 */
public record NewEvent(String type, UUID chatId, Object payload) {
}
