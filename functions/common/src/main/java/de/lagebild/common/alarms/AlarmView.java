package de.lagebild.common.alarms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alarm as a room member reads it, in REST answers and in the stream's {@code alarms} frame.
 * {@code roomIds} are the rooms of the alarm that the reader is a member of (never the others).
 * {@code endedAt}/{@code endedBy} are set once it is resolved or cancelled; {@code renotifications}
 * counts the times it was announced again because nobody had acknowledged it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AlarmView(UUID id, List<UUID> roomIds, AlarmKind kind, String text, AlarmPosition position,
        AlarmPerson raisedBy, OffsetDateTime raisedAt, AlarmState state, List<AlarmAcknowledgement> acknowledgements,
        OffsetDateTime endedAt, UUID endedBy, int renotifications) {
}
