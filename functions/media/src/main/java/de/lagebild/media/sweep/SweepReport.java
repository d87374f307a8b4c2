package de.lagebild.media.sweep;

/** What a sweep did: abandoned uploads found, and how many of them are gone with their objects. */
public record SweepReport(int found, int removed) {
}
