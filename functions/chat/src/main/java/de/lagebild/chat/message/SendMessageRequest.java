package de.lagebild.chat.message;

import de.lagebild.common.messages.MessageDraft;
import de.lagebild.common.messages.MessageKind;
import de.lagebild.common.messages.MessagePriority;
import de.lagebild.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A message to send. Each kind takes its own fields and no others: text a `body`; poi a `poiId`
 * (and an optional `body`); location a `location`; photo and file an `attachmentId` (and an optional
 * `body` as caption). Any kind may carry a `priority` (default normal) and `ackRequested` (an order:
 * its recipients acknowledge or decline it).
 */
public record SendMessageRequest(
        @NotNull @Schema(description = "Client-generated id: a retry returns the first result") UUID clientId,
        @NotNull MessageKind kind,
        @Size(max = 4000) String body,
        UUID poiId,
        UUID attachmentId,
        @Valid LocationRequest location,
        @Schema(description = "normal (default), important or urgent") MessagePriority priority,
        @Schema(description = "An order: the chat's members with read (but the sender) are asked to acknowledge "
                + "or decline it") Boolean ackRequested) {

    /** The draft after the per-kind checks; failures name the offending field. */
    public MessageDraft toDraft() {
        String text = body == null || body.isBlank() ? null : body.strip();
        switch (kind) {
            case TEXT -> {
                require(text != null, "body", "is required for a text message");
                forbid(poiId, "poiId");
                forbid(attachmentId, "attachmentId");
                forbid(location, "location");
            }
            case POI -> {
                require(poiId != null, "poiId", "is required for a poi message");
                forbid(attachmentId, "attachmentId");
                forbid(location, "location");
            }
            case LOCATION -> {
                require(location != null, "location", "is required for a location message");
                forbid(body, "body");
                forbid(poiId, "poiId");
                forbid(attachmentId, "attachmentId");
            }
            case PHOTO, FILE -> {
                require(attachmentId != null, "attachmentId", "is required for a " + kind.wireName() + " message");
                forbid(poiId, "poiId");
                forbid(location, "location");
            }
        }
        return new MessageDraft(kind, text, poiId, attachmentId,
                location == null ? null : location.lat(), location == null ? null : location.lon(),
                location == null ? null : location.accuracy(),
                priority == null ? MessagePriority.NORMAL : priority, Boolean.TRUE.equals(ackRequested));
    }

    private static void require(boolean present, String field, String message) {
        if (!present) {
            throw ProblemException.invalidField(field, message);
        }
    }

    private void forbid(Object value, String field) {
        if (value != null) {
            throw ProblemException.invalidField(field, "is not allowed for a " + kind.wireName() + " message");
        }
    }
}
