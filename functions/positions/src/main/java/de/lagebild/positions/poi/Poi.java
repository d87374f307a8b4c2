package de.lagebild.positions.poi;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A point of interest on a chat's map; deleted POIs keep their row with {@code deletedAt} set. */
@Entity
@Table(name = "pois")
public class Poi extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "chat_id", nullable = false)
    public UUID chatId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public double lat;

    @Column(nullable = false)
    public double lon;

    /** Counts the changes; a client may send the version it saw to detect a concurrent change. */
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
