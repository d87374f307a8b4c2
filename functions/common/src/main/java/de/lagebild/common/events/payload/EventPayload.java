package de.lagebild.common.events.payload;

/**
 * The typed content of one kind of event, serialised as the event's JSON payload (the field names
 * are the wire names of STREAM-PROTOCOL.md). Each {@link de.lagebild.common.events.EventType} has
 * one payload type; messages use {@link de.lagebild.common.messages.MessageView}.
 */
public interface EventPayload {
}
