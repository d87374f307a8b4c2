package de.lagebild.chat.hold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Whether the room is held, and if so why, by whom and since when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegalHoldView(UUID roomId, boolean held, String reason, UUID placedBy, OffsetDateTime placedAt) {

    static LegalHoldView of(LegalHold hold) {
        return new LegalHoldView(hold.roomId, true, hold.reason, hold.placedBy, hold.placedAt);
    }

    static LegalHoldView none(UUID roomId) {
        return new LegalHoldView(roomId, false, null, null, null);
    }
}
