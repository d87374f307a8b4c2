package de.lagebild.positions.sharing;

import java.time.OffsetDateTime;

/** Whether the caller shares their position; {@code pausedAt} is set while paused. */
public record SharingView(boolean paused, OffsetDateTime pausedAt) {
}
