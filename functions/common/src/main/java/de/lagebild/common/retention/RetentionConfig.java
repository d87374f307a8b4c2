package de.lagebild.common.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long each kind of data is kept after the room it belongs to was closed; open rooms keep
 * everything. One mapping for all functions, so that chat and media purge a room by the same
 * periods. The audit log outlives the data it describes.
 */
@ConfigMapping(prefix = "lagebild.retention")
public interface RetentionConfig {

    /** A room's messages and their events, POIs, chats, memberships, orders, alarms and unit statuses. */
    @WithDefault("90d")
    Duration roomContent();

    /** Attachments and their objects in S3 (all served variants). */
    @WithDefault("90d")
    Duration attachments();

    /**
     * A finished after-action export (its row and its archive in S3), counted from its end, also in an
     * open room. Whatever this says, an export goes with the room's content or attachments, whichever
     * goes first: a copy never outlives what it copies.
     */
    @WithDefault("7d")
    Duration exports();

    /** Tracks and latest positions, once every room of the user has been closed for this long. */
    @WithDefault("24h")
    Duration tracks();

    /** The audit records of a purged room, and its tombstone row. Longer than the data's. */
    @WithDefault("3650d")
    Duration audit();

    /** Rows deleted per statement; each batch is its own short transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * Attachments per batch of media's purge: its transaction stays open while their objects are
     * deleted from S3 (three calls for a photo), so it is smaller than a batch of rows.
     */
    @WithDefault("20")
    int objectBatchSize();

    /** Rooms purged per call, so that one call ends well within the calling job's timeout. */
    @WithDefault("50")
    int roomsPerRun();
}
