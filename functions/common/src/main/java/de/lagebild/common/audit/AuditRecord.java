package de.lagebild.common.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of the append-only audit log: who changed what for whom, when. */
@Entity
@Table(name = "audit_log")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "actor_id", nullable = false)
    public UUID actorId;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "chat_id")
    public UUID chatId;

    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String details;
}
