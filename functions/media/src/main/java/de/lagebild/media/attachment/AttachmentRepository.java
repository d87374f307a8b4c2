package de.lagebild.media.attachment;

import de.lagebild.media.storage.ObjectKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The `attachments` table through the reactive PG client: each call is its own short transaction.
 * Recording an upload as ready is part of its write's transaction ({@link ReadyAttachments}).
 */
@ApplicationScoped
public class AttachmentRepository {

    private static final String COLUMNS = "id, chat_id, room_id, uploaded_by, client_id, kind, status, content_type,"
            + " file_name, size_bytes, width, height, sha256, object_key, thumb_key, original_key, created_at";

    private final Pool pool;

    public AttachmentRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Attachment> byId(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from attachments where id = $1")
                .execute(Tuple.of(id)).map(AttachmentRepository::first);
    }

    /** Rows of failed tries with this client id, whose objects could not be removed when they failed. */
    public Uni<List<Attachment>> failedWithClientId(UUID clientId) {
        return pool.preparedQuery("select " + COLUMNS + " from attachments where client_id = $1 and status = 'failed'")
                .execute(Tuple.of(clientId)).map(AttachmentRepository::all);
    }

    public Uni<Attachment> insertPending(Attachment a) {
        return pool.preparedQuery("insert into attachments (id, chat_id, room_id, uploaded_by, client_id, kind, status,"
                        + " content_type, file_name, size_bytes, width, height, sha256, object_key, thumb_key, original_key)"
                        + " values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9, $10, $11, $12, $13, $14, $15)"
                        + " returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {a.id(), a.chatId(), a.roomId(), a.uploadedBy(), a.clientId(),
                        a.kind().dbValue(), a.contentType(), a.fileName(), a.sizeBytes(), a.width(), a.height(),
                        a.sha256(), a.keys().object(), a.keys().thumbnail(), a.keys().original()}))
                .map(AttachmentRepository::first);
    }

    /** Leaves a row for the sweep when its objects could not be removed yet. */
    public Uni<Boolean> markFailed(UUID id) {
        return pool.preparedQuery("update attachments set status = 'failed' where id = $1 and status = 'pending'")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /** Deletes a row that never became ready; other rows are never touched. */
    public Uni<Boolean> deleteUnready(UUID id) {
        return pool.preparedQuery("delete from attachments where id = $1 and status in ('pending', 'failed')")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    /** Rows whose upload never completed: failed ones, and pending ones older than the timeout. */
    public Uni<List<Attachment>> abandoned(Duration pendingTimeout, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from attachments where status = 'failed'"
                        + " or (status = 'pending' and created_at < now() - make_interval(secs => $1))"
                        + " order by created_at limit $2")
                .execute(Tuple.of((double) pendingTimeout.toSeconds(), limit))
                .map(AttachmentRepository::all);
    }

    /** Attachments of deleted messages whose objects are still stored. */
    public Uni<List<Attachment>> withdrawn(int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from attachments where status = 'withdrawn' limit $1")
                .execute(Tuple.of(limit))
                .map(AttachmentRepository::all);
    }

    /** Records that the objects of a withdrawn attachment are gone. */
    public Uni<Boolean> markRemoved(UUID id) {
        return pool.preparedQuery("update attachments set status = 'removed' where id = $1 and status = 'withdrawn'")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static Attachment first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? toAttachment(iterator.next()) : null;
    }

    private static List<Attachment> all(RowSet<Row> rows) {
        List<Attachment> list = new ArrayList<>();
        rows.forEach(row -> list.add(toAttachment(row)));
        return list;
    }

    private static Attachment toAttachment(Row row) {
        return new Attachment(row.getUUID("id"), row.getUUID("chat_id"), row.getUUID("room_id"),
                row.getUUID("uploaded_by"), row.getUUID("client_id"), AttachmentKind.fromDb(row.getString("kind")),
                row.getString("status"), row.getString("content_type"), row.getString("file_name"),
                row.getLong("size_bytes") == null ? 0 : row.getLong("size_bytes"), row.getInteger("width"),
                row.getInteger("height"), row.getString("sha256"),
                new ObjectKeys(row.getString("object_key"), row.getString("thumb_key"), row.getString("original_key")),
                row.getOffsetDateTime("created_at"));
    }
}
