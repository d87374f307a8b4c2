package de.lagebild.positions.ingest;

/** A fix that was not stored: its index in the batch, the offending field and why. */
public record Rejection(int index, String field, String reason) {
}
