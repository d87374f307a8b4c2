package de.lagebild.chat.stream;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.UUID;

/**
 * A frame from the client (see functions/chat/STREAM-PROTOCOL.md): `hello` with the epoch and cursors it
 * holds, `watch` / `unwatch` a chat's positions. Read by the endpoint's own ObjectMapper, not by Quarkus
 * REST, hence registered for reflection explicitly (native executables).
 */
@RegisterForReflection
record ClientFrame(String type, String epoch, Map<UUID, Long> cursors, UUID chatId) {
}
