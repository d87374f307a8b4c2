package de.lagebild.chat.stream;

import java.util.UUID;

/** Told of each event frame written to a user's socket, live or in a replay. Called on the stream's context. */
@FunctionalInterface
interface SentEvents {

    SentEvents NONE = (event, userId) -> { };

    void sent(EventRow event, UUID userId);
}
