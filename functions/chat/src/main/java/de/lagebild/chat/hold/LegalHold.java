package de.lagebild.chat.hold;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A room under legal hold: nothing of it is deleted while the row stands. */
@Entity
@Table(name = "legal_holds")
public class LegalHold extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "placed_by", nullable = false)
    public UUID placedBy;

    @Column(name = "placed_at", nullable = false)
    public OffsetDateTime placedAt;
}
