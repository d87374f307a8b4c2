package de.lagebild.common.messages;

import de.lagebild.common.Ids;
import de.lagebild.common.Timestamps;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A chat message; {@code seq} is the seq of the event that created it. */
@Entity
@Table(name = "messages")
public class Message extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "chat_id", nullable = false)
    public UUID chatId;

    @Column(name = "room_id", nullable = false)
    public UUID roomId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Convert(converter = MessageKindConverter.class)
    @Column(nullable = false)
    public MessageKind kind;

    public String body;

    @Column(name = "poi_id")
    public UUID poiId;

    @Column(name = "attachment_id")
    public UUID attachmentId;

    public Double lat;

    public Double lon;

    @Column(name = "accuracy_m")
    public Double accuracyM;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "edited_at")
    public OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Column(name = "deleted_by")
    public UUID deletedBy;

    /** `domain-admin` when injected by a domain administrator; null for members' messages. */
    @Column(name = "posted_as")
    public String postedAs;

    @Convert(converter = MessagePriorityConverter.class)
    @Column(nullable = false)
    public MessagePriority priority = MessagePriority.NORMAL;

    /** An order: its recipients are asked to acknowledge or decline it. */
    @Column(name = "ack_requested", nullable = false)
    public boolean ackRequested;

    /** A new message with the draft's content; the room and its seq are set where it is appended to the log. */
    public static Message of(UUID chatId, UUID authorId, UUID clientId, MessageDraft draft, String postedAs) {
        Message message = new Message();
        message.id = Ids.newId();
        message.chatId = chatId;
        message.authorId = authorId;
        message.clientId = clientId;
        message.kind = draft.kind();
        message.body = draft.body();
        message.poiId = draft.poiId();
        message.attachmentId = draft.attachmentId();
        message.lat = draft.lat();
        message.lon = draft.lon();
        message.accuracyM = draft.accuracy();
        message.postedAs = postedAs;
        message.priority = draft.priority();
        message.ackRequested = draft.ackRequested();
        message.createdAt = Timestamps.now();
        return message;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
