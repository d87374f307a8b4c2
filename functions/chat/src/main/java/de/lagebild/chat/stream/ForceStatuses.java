package de.lagebild.chat.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The current unit status of the members of one room whose map is watched here: from the database
 * when the first watch of the room is granted, then from the room's feed. Each member's status is
 * kept with the seq of its change and only a later seq replaces it, so the database's answer and
 * the feed's events may arrive in any order. Used on the stream's context only.
 */
final class ForceStatuses {

    /** A member's status as JSON ({@code code}, {@code shortLabel}, {@code label}, {@code urgent}), with its seq. */
    record Known(UUID userId, long seq, String statusJson) {
    }

    private final Map<UUID, Known> byUser = new HashMap<>();

    void merge(Known status) {
        Known earlier = byUser.get(status.userId());
        if (earlier == null || earlier.seq() < status.seq()) {
            byUser.put(status.userId(), status);
        }
    }

    /** The member's status as JSON, or null when none is known. */
    String of(UUID userId) {
        Known known = byUser.get(userId);
        return known == null ? null : known.statusJson();
    }
}
