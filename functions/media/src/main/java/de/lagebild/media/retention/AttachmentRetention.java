package de.lagebild.media.retention;

import static de.lagebild.common.retention.PurgeStep.notHeld;

import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.retention.PurgeCounts;
import de.lagebild.common.retention.PurgeLoop;
import de.lagebild.common.retention.PurgeStep;
import de.lagebild.common.retention.RetentionConfig;
import de.lagebild.media.storage.ObjectKeys;
import de.lagebild.media.storage.ObjectStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Purges the attachments of rooms closed longer than the attachment retention ago, on its own and
 * in any order with chat's purge: first the objects in S3 (every served variant and the original),
 * then the row, or, while a message of chat still refers to it, the row is marked `removed` and goes
 * in a later run, after chat has purged the message. So neither purge orphans anything of the other.
 * A batch ({@code object-batch-size}) locks its attachments and their rooms' rows (a hold is placed under the room's row lock,
 * so none can be placed meanwhile), reads the holds again and leaves held rooms alone.
 */
@ApplicationScoped
public class AttachmentRetention {

    private static final String DUE = """
            select a.id, a.room_id, a.client_id, a.object_key, a.thumb_key, a.original_key
              from attachments a join rooms r on r.id = a.room_id
             where r.closed_at < $2 and a.status <> 'removed' and %s
             order by a.room_id
             limit $1
             for update of a skip locked for share of r""".formatted(notHeld("r.id"));

    private static final String HELD = "select room_id from legal_holds where room_id = any($1)";

    private static final String MARK_REMOVED = "update attachments set status = 'removed' where id = any($1)"
            + " and status <> 'removed'";

    private static final String DELETE_UNREFERENCED = "delete from attachments a where a.id = any($1) and "
            + notHeld("a.room_id") + " and not exists (select 1 from messages m where m.attachment_id = a.id)"
            + " returning a.room_id";

    private static final String DELETE_ANSWERS = "delete from client_writes where client_id = any($1)";

    /** Rows marked removed by an earlier batch whose message chat has purged since. */
    private static final PurgeStep UNREFERENCED_REMOVED = new PurgeStep("attachments", "delete from attachments where id in ("
            + "select a.id from attachments a join rooms r on r.id = a.room_id where r.closed_at < $2"
            + " and a.status = 'removed' and " + notHeld("r.id")
            + " and not exists (select 1 from messages m where m.attachment_id = a.id) limit $1 for update of a skip locked)");

    private final PurgeLoop loop;
    private final ObjectStore objects;
    private final AuditTrail audit;
    private final RetentionConfig config;
    private final Vertx vertx;

    public AttachmentRetention(PurgeLoop loop, ObjectStore objects, AuditTrail audit, RetentionConfig config, Vertx vertx) {
        this.loop = loop;
        this.objects = objects;
        this.audit = audit;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<PurgeCounts> run(Actor actor) {
        OffsetDateTime closedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(config.attachments());
        PurgeCounts removed = new PurgeCounts();
        return loop.drain((transaction, limit) -> batch(transaction, limit, closedBefore, actor, removed),
                        config.objectBatchSize())
                .flatMap(ignored -> loop.drain(List.of(UNREFERENCED_REMOVED), closedBefore))
                .map(removed::addAll);
    }

    /** One batch; answers how many attachments it finished, fewer than the limit when S3 refused some. */
    private Uni<Integer> batch(SqlConnection transaction, int limit, OffsetDateTime closedBefore, Actor actor,
            PurgeCounts removed) {
        return transaction.preparedQuery(DUE).execute(Tuple.of(limit, closedBefore))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(Due.of(row)));
                    return due;
                })
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(0) : transaction.preparedQuery(HELD)
                        .execute(Tuple.of(due.stream().map(Due::roomId).distinct().toArray(UUID[]::new)))
                        .map(rows -> {
                            Set<UUID> held = new HashSet<>();
                            rows.forEach(row -> held.add(row.getUUID(0)));
                            return due.stream().filter(d -> !held.contains(d.roomId())).toList();
                        })
                        .flatMap(free -> vertx.executeBlocking(Uni.createFrom().item(() -> deleteObjects(free)), false))
                        .flatMap(gone -> record(transaction, gone, actor, removed).replaceWith(gone.size())));
    }

    /** Deletes the objects; answers the attachments whose objects are all gone. Blocking. */
    private List<Due> deleteObjects(List<Due> due) {
        return due.stream().filter(d -> objects.deleteQuietly(d.keys())).toList();
    }

    private Uni<Void> record(SqlConnection transaction, List<Due> gone, Actor actor, PurgeCounts removed) {
        if (gone.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = gone.stream().map(Due::id).toArray(UUID[]::new);
        UUID[] clientIds = gone.stream().map(Due::clientId).filter(id -> id != null).toArray(UUID[]::new);
        return transaction.preparedQuery(MARK_REMOVED).execute(Tuple.of(ids))
                .flatMap(marked -> transaction.preparedQuery(DELETE_UNREFERENCED).execute(Tuple.of(ids)))
                .flatMap(deleted -> transaction.preparedQuery(DELETE_ANSWERS).execute(Tuple.of(clientIds))
                        .flatMap(answers -> {
                            Map<UUID, long[]> perRoom = new LinkedHashMap<>();
                            for (Due d : gone) {
                                perRoom.computeIfAbsent(d.roomId(), room -> new long[2])[0] += d.keys().count();
                            }
                            deleted.forEach(row -> perRoom.get(row.getUUID(0))[1]++);
                            removed.add("objects", gone.stream().mapToLong(d -> d.keys().count()).sum())
                                    .add("attachments", deleted.rowCount()).add("clientWrites", answers.rowCount());
                            Uni<Void> audited = Uni.createFrom().voidItem();
                            for (Map.Entry<UUID, long[]> room : perRoom.entrySet()) {
                                audited = audited.call(() -> audit.record(transaction, new AuditEntry(actor.id(),
                                        room.getKey(), null, null, AuditAction.ATTACHMENTS_PURGED,
                                        Map.of("objects", room.getValue()[0], "attachments", room.getValue()[1]))));
                            }
                            return audited;
                        }));
    }

    private record Due(UUID id, UUID roomId, UUID clientId, ObjectKeys keys) {

        static Due of(Row row) {
            return new Due(row.getUUID("id"), row.getUUID("room_id"), row.getUUID("client_id"),
                    new ObjectKeys(row.getString("object_key"), row.getString("thumb_key"), row.getString("original_key")));
        }
    }
}
