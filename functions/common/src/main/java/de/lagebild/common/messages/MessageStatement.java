package de.lagebild.common.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.identity.Actor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A member's message in one statement, one round trip and its own commit: the membership with
 * `write`, the references and the open room are checked, the room's counter is bumped (the UPDATE
 * takes the row lock, so seq order stays commit order) and the message and its event are
 * inserted. The statement appends nothing, and answers no row, when any check fails; a reused
 * client id fails it on the unique key. Both cases are left to the full path, which explains them.
 */
@ApplicationScoped
public class MessageStatement {

    private static final String APPEND = """
            with member as (
              select m.room_id from chat_members m
               where m.chat_id = $1 and m.user_id = $2 and m.can_write
                 and ($7::uuid is null or exists (select 1 from pois p
                       where p.id = $7 and p.chat_id = $1 and p.deleted_at is null))
                 and ($8::uuid is null or exists (select 1 from attachments a
                       where a.id = $8 and a.chat_id = $1 and a.status = 'ready' and a.kind = $5))
            ), room as (
              update rooms r set last_seq = r.last_seq + 1
                from member where r.id = member.room_id and r.closed_at is null
              returning r.id, r.last_seq
            ), message as (
              insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, poi_id,
                                    attachment_id, lat, lon, accuracy_m, created_at)
              select $3, $1, room.id, room.last_seq, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12 from room
            )
            insert into events (id, room_id, seq, chat_id, type, actor_id, client_id, payload, created_at)
            select $13, room.id, room.last_seq, $1, 'message.created', $2, $4,
                   $14::text::jsonb || jsonb_build_object('roomId', room.id, 'seq', room.last_seq), $12 from room
            returning room_id, seq""";

    private final Pool pool;
    private final ObjectMapper json;

    public MessageStatement(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The message as posted, or null when the statement appended nothing. */
    public Uni<MessageView> append(Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        Message message = Message.of(chatId, author.id(), clientId, draft, null);
        MessageView.Author authorView = new MessageView.Author(author.id(), author.displayName(), author.unit());
        // Room and seq are the database's: the payload gets them in the statement.
        String payload = toJson(MessageView.of(message, authorView));
        Tuple values = Tuple.tuple()
                .addUUID(chatId).addUUID(author.id()).addUUID(message.id).addUUID(clientId)
                .addString(draft.kind().wireName()).addString(draft.body())
                .addUUID(draft.poiId()).addUUID(draft.attachmentId())
                .addDouble(draft.lat()).addDouble(draft.lon()).addDouble(draft.accuracy())
                .addOffsetDateTime(message.createdAt).addUUID(Ids.newId()).addString(payload);
        return pool.preparedQuery(APPEND).execute(values).map(rows -> {
            RowIterator<Row> appended = rows.iterator();
            if (!appended.hasNext()) {
                return null;
            }
            Row row = appended.next();
            message.roomId = row.getUUID("room_id");
            message.seq = row.getLong("seq");
            return MessageView.of(message, authorView);
        });
    }

    private String toJson(MessageView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message cannot be written as JSON", e);
        }
    }
}
