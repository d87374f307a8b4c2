package de.lagebild.chat.message;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** "I have read this chat up to this seq." Markers only move forward. */
public record ReadMarkerRequest(@NotNull @PositiveOrZero Long seq) {
}
