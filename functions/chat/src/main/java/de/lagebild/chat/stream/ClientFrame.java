package de.lagebild.chat.stream;

import java.util.Map;
import java.util.UUID;

/**
 * A frame from the client (see functions/chat/STREAM-PROTOCOL.md): `hello` with the epoch and cursors it
 * holds, `watch` / `unwatch` a chat's positions.
 */
record ClientFrame(String type, String epoch, Map<UUID, Long> cursors, UUID chatId) {
}
