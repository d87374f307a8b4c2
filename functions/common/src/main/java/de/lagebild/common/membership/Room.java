package de.lagebild.common.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An operation room ("Einsatzraum"). */
@Entity
@Table(name = "rooms")
public class Room extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** The operation area as GeoJSON geometry text; PostGIS derives the `area` geometry column from it. */
    @Column(name = "area_geojson")
    public String areaGeoJson;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public UUID closedBy;

    /** Read-only here: only the event log advances it, under the row lock, by SQL. */
    @Column(name = "last_seq", nullable = false, insertable = false, updatable = false)
    public long lastSeq;

    public boolean isClosed() {
        return closedAt != null;
    }
}
