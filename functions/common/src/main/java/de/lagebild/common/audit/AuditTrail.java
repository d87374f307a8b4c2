package de.lagebild.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Records membership, permission, alarm, unit status and retention changes in the audit log, in the caller's transaction. */
@ApplicationScoped
public class AuditTrail {

    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> record(AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.id = Ids.newId();
        record.at = Timestamps.now();
        record.actorId = entry.actorId();
        record.roomId = entry.roomId();
        record.chatId = entry.chatId();
        record.subjectId = entry.subjectId();
        record.action = entry.action().wireName();
        record.details = toJson(entry.details());
        return record.persist().replaceWithVoid();
    }

    /** The same record in a transaction of the reactive SQL client (the purges' batches). */
    public Uni<Void> record(SqlConnection transaction, AuditEntry entry) {
        return transaction.preparedQuery("insert into audit_log (id, at, actor_id, room_id, chat_id, subject_id, action,"
                        + " details) values ($1, now(), $2, $3, $4, $5, $6, $7::text::jsonb)")
                .execute(Tuple.from(new Object[] {Ids.newId(), entry.actorId(), entry.roomId(), entry.chatId(),
                        entry.subjectId(), entry.action().wireName(), toJson(entry.details())}))
                .replaceWithVoid();
    }

    private String toJson(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details cannot be written as JSON", e);
        }
    }

    /** What to record: the action, and {@code subjectId} the user it concerns. */
    public record AuditEntry(UUID actorId, UUID roomId, UUID chatId, UUID subjectId, AuditAction action,
            Map<String, ?> details) {
    }
}
