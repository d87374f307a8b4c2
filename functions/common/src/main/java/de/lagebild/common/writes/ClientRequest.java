package de.lagebild.common.writes;

import java.util.Objects;
import java.util.UUID;

/**
 * A creating request as {@link ClientWrites} tells its retries from other requests: the client id,
 * who sends it, which operation (a stable name such as {@code chat.create}) and its content (the
 * target ids and the request body: anything Jackson writes the same way for the same request).
 */
public record ClientRequest(UUID clientId, UUID actorId, String operation, Object content) {

    public ClientRequest {
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(actorId);
        Objects.requireNonNull(operation);
        Objects.requireNonNull(content);
    }
}
