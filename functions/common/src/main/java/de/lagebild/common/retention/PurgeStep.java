package de.lagebild.common.retention;

/**
 * One kind of data a purge removes, as a delete statement of at most one batch: {@code $1} is the
 * batch size, {@code $2}... the caller's arguments. The statement picks its rows with
 * {@code limit $1 for update skip locked} (concurrent runs share the work instead of waiting) and
 * checks the legal hold itself, so that a hold placed at any moment, or holds that cannot be read,
 * stop it (fail-closed).
 */
public record PurgeStep(String kind, String sql) {

    public PurgeStep {
        if (!sql.contains("legal_holds") || !sql.contains("skip locked")) {
            throw new IllegalArgumentException("the purge of " + kind + " must check legal_holds and skip locked rows");
        }
    }

    /** The condition that the room with the given id (an SQL expression) is not under legal hold. */
    public static String notHeld(String roomId) {
        return "not exists (select 1 from legal_holds h where h.room_id = " + roomId + ")";
    }
}
