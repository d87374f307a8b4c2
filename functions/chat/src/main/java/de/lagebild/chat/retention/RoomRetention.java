package de.lagebild.chat.retention;

import static de.lagebild.common.retention.PurgeStep.notHeld;

import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.retention.PurgeCounts;
import de.lagebild.common.retention.PurgeLoop;
import de.lagebild.common.retention.PurgeStep;
import de.lagebild.common.retention.RetentionConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One retention run of chat: purges the content of rooms closed longer than the content retention
 * ago and leaves each room's row as a tombstone (`purged_at`); removes the chats of tombstones whose
 * attachments media has removed since; and, after the longer audit retention, removes a tombstone's
 * audit records and the tombstone. A held room is skipped, and every statement checks the hold again.
 * Each purge is an audit row: `room.purged` per room and run with what the run removed (concurrent
 * runs each record their share), `room.audit_purged` (without a room, so that it stays) when the
 * audit records went.
 */
@ApplicationScoped
public class RoomRetention {

    private static final String CONTENT_DUE = "select r.id from rooms r where r.closed_at < $1 and r.purged_at is null"
            + " and " + notHeld("r.id") + " order by r.closed_at limit $2";

    private static final String TOMBSTONE = """
            update rooms r set purged_at = now(), description = '', area_geojson = null
             where r.id = $1 and r.purged_at is null and r.closed_at is not null and %s
               and not exists (select 1 from room_members x where x.room_id = r.id)
               and not exists (select 1 from chat_members x where x.room_id = r.id)
               and not exists (select 1 from events x where x.room_id = r.id)
               and not exists (select 1 from pois x where x.room_id = r.id)
               and not exists (select 1 from orders x where x.room_id = r.id)
               and not exists (select 1 from unit_status_requests x where x.room_id = r.id)
               and not exists (select 1 from unit_status_changes x where x.room_id = r.id)
               and not exists (select 1 from alarm_rooms x where x.room_id = r.id)
               and not exists (select 1 from chats c join messages m on m.chat_id = c.id where c.room_id = r.id)
               and not exists (select 1 from chats c where c.room_id = r.id
                                 and not exists (select 1 from attachments a where a.chat_id = c.id))
            """.formatted(notHeld("r.id"));

    private static final PurgeStep CHATS_OF_TOMBSTONES = new PurgeStep("chats", "delete from chats where id in ("
            + "select c.id from chats c join rooms r on r.id = c.room_id where r.purged_at is not null and "
            + notHeld("r.id") + " and not exists (select 1 from attachments a where a.chat_id = c.id)"
            + " limit $1 for update of c skip locked)");

    private static final String AUDIT_DUE = "select r.id from rooms r where r.purged_at is not null and r.closed_at < $1"
            + " and " + notHeld("r.id") + " order by r.closed_at limit $2";

    private static final String REMOVE_TOMBSTONE = "delete from rooms where id in (select r.id from rooms r"
            + " where r.id = $1 and r.purged_at is not null and " + notHeld("r.id")
            + " and not exists (select 1 from chats c where c.room_id = r.id)"
            + " and not exists (select 1 from room_exports x where x.room_id = r.id)"
            + " and not exists (select 1 from audit_log a where a.room_id = r.id) for update skip locked)";

    private final Pool pool;
    private final PurgeLoop loop;
    private final RoomContentPurge content;
    private final AuditTrail audit;
    private final RetentionConfig config;

    public RoomRetention(Pool pool, PurgeLoop loop, RoomContentPurge content, AuditTrail audit, RetentionConfig config) {
        this.pool = pool;
        this.loop = loop;
        this.content = content;
        this.audit = audit;
        this.config = config;
    }

    public Uni<RetentionReport> run(Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Progress progress = new Progress();
        return due(CONTENT_DUE, now.minus(config.roomContent()))
                .flatMap(rooms -> each(rooms, roomId -> purgeContent(actor, roomId, progress)))
                .flatMap(ignored -> loop.drain(List.of(CHATS_OF_TOMBSTONES)).invoke(progress.removed::addAll))
                .flatMap(ignored -> due(AUDIT_DUE, now.minus(config.audit())))
                .flatMap(rooms -> each(rooms, roomId -> purgeAudit(actor, roomId, now.minus(config.audit()), progress)))
                .map(ignored -> new RetentionReport(progress.purged, progress.pending, progress.tombstonesRemoved,
                        progress.removed.asMap()));
    }

    private Uni<Void> purgeContent(Actor actor, UUID roomId, Progress progress) {
        return content.purge(roomId).flatMap(removed -> pool.withTransaction(transaction -> transaction
                .preparedQuery(TOMBSTONE).execute(Tuple.of(roomId))
                .flatMap(rows -> {
                    boolean complete = rows.rowCount() == 1;
                    progress.removed.addAll(removed);
                    if (complete) {
                        progress.purged++;
                    } else if (removed.total() > 0) {
                        progress.pending++;
                    }
                    return complete || removed.total() > 0
                            ? audit.record(transaction, new AuditEntry(actor.id(), roomId, null, null, AuditAction.ROOM_PURGED,
                                    Map.of("removed", removed.asMap(), "complete", complete)))
                            : Uni.createFrom().voidItem();
                })));
    }

    private Uni<Void> purgeAudit(Actor actor, UUID roomId, OffsetDateTime closedBefore, Progress progress) {
        return loop.drain((transaction, limit) -> transaction.preparedQuery("select purge_room_audit($1, $2, $3)")
                        .execute(Tuple.of(roomId, closedBefore, limit)).map(rows -> rows.iterator().next().getInteger(0)))
                .flatMap(auditRecords -> pool.withTransaction(transaction -> transaction.preparedQuery(REMOVE_TOMBSTONE)
                        .execute(Tuple.of(roomId))
                        .flatMap(rows -> {
                            progress.removed.add("auditRecords", auditRecords);
                            if (rows.rowCount() == 0) {
                                return Uni.createFrom().voidItem();
                            }
                            progress.tombstonesRemoved++;
                            return audit.record(transaction, new AuditEntry(actor.id(), null, null, null,
                                    AuditAction.ROOM_AUDIT_PURGED, Map.of("roomId", roomId, "auditRecords", auditRecords)));
                        })));
    }

    private Uni<List<UUID>> due(String query, OffsetDateTime closedBefore) {
        return pool.preparedQuery(query).execute(Tuple.of(closedBefore, config.roomsPerRun())).map(RoomRetention::ids);
    }

    /** One room after the other: a run never holds more than one connection. */
    private static Uni<Void> each(List<UUID> rooms, Function<UUID, Uni<Void>> purge) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID roomId : rooms) {
            chain = chain.flatMap(ignored -> purge.apply(roomId));
        }
        return chain;
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }

    /** What this run did so far; the rooms are purged one after the other, so plain fields suffice. */
    private static final class Progress {
        private final PurgeCounts removed = new PurgeCounts();
        private int purged;
        private int pending;
        private int tombstonesRemoved;
    }
}
