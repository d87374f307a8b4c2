package de.lagebild.media.retention;

import static de.lagebild.common.retention.PurgeStep.notHeld;

import de.lagebild.common.audit.AuditAction;
import de.lagebild.common.audit.AuditTrail;
import de.lagebild.common.audit.AuditTrail.AuditEntry;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.retention.PurgeCounts;
import de.lagebild.common.retention.PurgeLoop;
import de.lagebild.common.retention.RetentionConfig;
import de.lagebild.media.storage.ObjectStore;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Purges after-action exports, their rows and every object under their prefix in S3
 * ({@code exports/{roomId}/{exportId}/}): those of rooms closed longer than the room content or the
 * attachment retention ago, whichever is shorter (an export is a copy of both and never outlives
 * them), and finished ones older than their own retention ({@code lagebild.retention.exports}), in
 * any room. A room under legal hold keeps its exports, as everything else. Batches as
 * {@link AttachmentRetention}'s: lock the rows and their rooms' (no hold can be placed meanwhile),
 * read the holds again, delete the objects, then the rows, in one short transaction.
 *
 * <p>Why a running export leaves no orphan: the batch holds the row lock of the export while it
 * deletes the objects and the row. A live run only writes that row by updates guarded by its run id
 * (heartbeat, done): they wait for the purge's commit and then find no row, so the run stops; and
 * if it had already put its archive, its failed {@code done} makes it delete that archive itself
 * ({@code ExportRunner}). An archive the run puts after the listing is therefore removed by the run;
 * archives of earlier runs whose instance died lie under the same prefix and go with the listing.
 * Deleting the objects before the row means a failure in between leaves a row to retry, never an
 * object without a row.
 */
@ApplicationScoped
public class ExportRetention {

    private static final String DUE = """
            select e.id, e.room_id from room_exports e join rooms r on r.id = e.room_id
             where (r.closed_at < $2 or r.purged_at is not null or e.finished_at < $3) and %s
             order by e.room_id
             limit $1
             for update of e skip locked for share of r""".formatted(notHeld("r.id"));

    private static final String HELD = "select room_id from legal_holds where room_id = any($1)";

    private static final String DELETE = "delete from room_exports e where e.id = any($1) and " + notHeld("e.room_id")
            + " returning e.id, e.room_id";

    private final PurgeLoop loop;
    private final ObjectStore objects;
    private final AuditTrail audit;
    private final RetentionConfig config;
    private final Vertx vertx;

    public ExportRetention(PurgeLoop loop, ObjectStore objects, AuditTrail audit, RetentionConfig config, Vertx vertx) {
        this.loop = loop;
        this.objects = objects;
        this.audit = audit;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<PurgeCounts> run(Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Duration copied = config.roomContent().compareTo(config.attachments()) < 0 ? config.roomContent() : config.attachments();
        OffsetDateTime closedBefore = now.minus(copied);
        OffsetDateTime finishedBefore = now.minus(config.exports());
        PurgeCounts removed = new PurgeCounts();
        return loop.drain((transaction, limit) -> batch(transaction, limit, closedBefore, finishedBefore, actor, removed),
                config.objectBatchSize()).replaceWith(removed);
    }

    /** One batch; answers how many exports it removed, fewer than the limit when S3 refused some. */
    private Uni<Integer> batch(SqlConnection transaction, int limit, OffsetDateTime closedBefore,
            OffsetDateTime finishedBefore, Actor actor, PurgeCounts removed) {
        return transaction.preparedQuery(DUE).execute(Tuple.of(limit, closedBefore, finishedBefore))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("id"), row.getUUID("room_id"))));
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
                        .flatMap(gone -> record(transaction, gone, actor, removed)));
    }

    /** Deletes each export's objects; answers those whose objects are all gone, with how many. Blocking. */
    private Map<Due, Long> deleteObjects(List<Due> due) {
        Map<Due, Long> gone = new LinkedHashMap<>();
        for (Due export : due) {
            try {
                gone.put(export, objects.deleteUnder("exports/" + export.roomId() + "/" + export.id() + "/"));
            } catch (SdkException e) {
                Log.warnf("could not delete the archive of export %s yet (%s); the next run retries", export.id(),
                        e.getMessage());
            }
        }
        return gone;
    }

    private Uni<Integer> record(SqlConnection transaction, Map<Due, Long> gone, Actor actor, PurgeCounts removed) {
        if (gone.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        UUID[] ids = gone.keySet().stream().map(Due::id).toArray(UUID[]::new);
        return transaction.preparedQuery(DELETE).execute(Tuple.of(ids)).flatMap(deleted -> {
            Map<UUID, long[]> perRoom = new LinkedHashMap<>();
            deleted.forEach(row -> {
                long[] counts = perRoom.computeIfAbsent(row.getUUID("room_id"), room -> new long[2]);
                counts[0]++;
                counts[1] += gone.get(new Due(row.getUUID("id"), row.getUUID("room_id")));
            });
            long objectCount = perRoom.values().stream().mapToLong(counts -> counts[1]).sum();
            removed.add("exports", deleted.rowCount()).add("exportObjects", objectCount);
            Uni<Void> audited = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, long[]> room : perRoom.entrySet()) {
                audited = audited.call(() -> audit.record(transaction, new AuditEntry(actor.id(), room.getKey(), null,
                        null, AuditAction.EXPORTS_PURGED,
                        Map.of("exports", room.getValue()[0], "objects", room.getValue()[1]))));
            }
            return audited.replaceWith(deleted.rowCount());
        });
    }

    private record Due(UUID id, UUID roomId) {
    }
}
