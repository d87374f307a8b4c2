package de.lagebild.common.events;

/** The outcome of an append: the event, and whether it was already there (a retried client id). */
public record Appended(Event event, boolean replayed) {
}
