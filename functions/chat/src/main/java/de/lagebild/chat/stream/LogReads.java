package de.lagebild.chat.stream;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/** The reads of a room's log that the feeds and replays need. */
interface LogReads {

    /** Up to {@code limit} events of the room after {@code afterSeq}, in seq order (the live feed). */
    Uni<List<EventRow>> after(UUID roomId, long afterSeq, int limit);

    /** The same for a replay, with the room's last seq from the same snapshot (-1 when the room does not exist). */
    Uni<Page> page(UUID roomId, long afterSeq, int limit);

    /** The room's membership events up to and including {@code seq}, in seq order. */
    Uni<List<EventRow>> membershipUpTo(UUID roomId, long seq);

    /** A page of events after a cursor; {@code full} when the limit cut it short. */
    record Page(List<EventRow> events, long roomLastSeq, boolean full) {
    }
}
