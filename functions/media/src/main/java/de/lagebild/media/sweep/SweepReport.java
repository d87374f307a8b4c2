package de.lagebild.media.sweep;

/**
 * What a sweep did: abandoned uploads found and removed with their objects; attachments of deleted
 * messages found and their objects removed.
 */
public record SweepReport(Count abandonedUploads, Count deletedMessages) {

    public record Count(int found, int removed) {
    }
}
