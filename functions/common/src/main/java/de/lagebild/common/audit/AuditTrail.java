package de.lagebild.common.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Records membership, permission, alarm and unit status changes in the audit log, in the caller's transaction. */
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
