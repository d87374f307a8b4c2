package de.lagebild.common.membership;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Membership of a user in a room. */
@Entity
@Table(name = "room_members")
@IdClass(RoomMember.Key.class)
public class RoomMember extends PanacheEntityBase {

    @Id
    @Column(name = "room_id")
    public UUID roomId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Convert(converter = RoomRoleConverter.class)
    @Column(nullable = false)
    public RoomRole role;

    @Column(name = "added_by", nullable = false)
    public UUID addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    public boolean isManager() {
        return role == RoomRole.MANAGER;
    }

    public record Key(UUID roomId, UUID userId) implements Serializable {
    }
}
