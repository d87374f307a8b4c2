package de.lagebild.common.membership;

import de.lagebild.common.access.Permission;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Membership of a user in a chat, with the permissions read, write and manage. */
@Entity
@Table(name = "chat_members")
@IdClass(ChatMember.Key.class)
public class ChatMember extends PanacheEntityBase {

    @Id
    @Column(name = "chat_id")
    public UUID chatId;

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(name = "can_read", nullable = false)
    public boolean canRead;

    @Column(name = "can_write", nullable = false)
    public boolean canWrite;

    @Column(name = "can_manage", nullable = false)
    public boolean canManage;

    @Column(name = "added_by", nullable = false)
    public UUID addedBy;

    @Column(name = "added_at", nullable = false)
    public OffsetDateTime addedAt;

    @Column(name = "read_up_to_seq", nullable = false)
    public long readUpToSeq;

    public boolean holds(Permission permission) {
        return switch (permission) {
            case READ -> canRead;
            case WRITE -> canWrite;
            case MANAGE -> canManage;
        };
    }

    public Set<Permission> permissions() {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (holds(p)) {
                held.add(p);
            }
        }
        return held;
    }

    public void setPermissions(Set<Permission> permissions) {
        canRead = permissions.contains(Permission.READ);
        canWrite = permissions.contains(Permission.WRITE);
        canManage = permissions.contains(Permission.MANAGE);
    }

    public record Key(UUID chatId, UUID userId) implements Serializable {
    }
}
