package de.lagebild.positions.ingest;

/**
 * What the database did with one request's fixes: {@code latest} is the fix that became the
 * user's latest position (null when a newer one was already stored), {@code sharingPaused} says
 * that the user has paused sharing and nothing was stored.
 */
public record Written(Fix latest, boolean sharingPaused) {
}
