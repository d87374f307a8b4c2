package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmKind;
import de.lagebild.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Raising an alarm in one call, as a phone in a hurry sends it. */
public record RaiseAlarmRequest(
        @NotNull @Schema(description = "Client-generated id: a retry returns the first answer") UUID clientId,
        @NotNull @Schema(description = "emergency (officer needs help), in_contact, or custom with text") AlarmKind kind,
        @Size(max = 500) @Schema(description = "Required for custom, optional otherwise") String text,
        @Valid AlarmPositionRequest position,
        @Size(min = 1, max = 50) @Schema(description = "The rooms it concerns; absent: every open room the caller is a member of")
        List<@NotNull UUID> roomIds) {

    /** The text after the per-kind check: a custom alarm says what it is about. */
    String checkedText() {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        if (kind == AlarmKind.CUSTOM && stripped == null) {
            throw ProblemException.invalidField("text", "is required for a custom alarm");
        }
        return stripped;
    }

    /** The requested rooms, each once and in a fixed order (rooms are locked in this order), or null for the default. */
    List<UUID> distinctRoomIds() {
        return roomIds == null ? null : roomIds.stream().distinct().sorted().toList();
    }
}
