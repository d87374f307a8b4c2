package de.lagebild.chat.search;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message's place in time order: when it was sent, then its id (messages sent at once). */
public record MessageKey(OffsetDateTime createdAt, UUID id) {
}
