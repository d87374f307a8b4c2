package de.lagebild.common.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.events.EventType;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.writes.ClientRequest;
import de.lagebild.common.writes.ClientWrites;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A member's message in one statement, one round trip and its own commit, writing what the full
 * path of {@link MessagePosting} writes: the membership with `write`, the references and the open
 * room are checked, the room's counter is bumped (the UPDATE takes the row lock, so seq order stays
 * commit order), and the message, its event and the client write with its answer are inserted.
 * The statement appends nothing, and answers no row, when any check fails; a used client id fails
 * it on a unique key. Both cases are left to the full path, which explains them.
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
            ), answer as (
              select room.id as room_id, room.last_seq as seq,
                     $14::text::jsonb || jsonb_build_object('roomId', room.id, 'seq', room.last_seq) as view
                from room
            ), message as (
              insert into messages (id, chat_id, room_id, seq, author_id, client_id, kind, body, poi_id,
                                    attachment_id, lat, lon, accuracy_m, created_at)
              select $3, $1, answer.room_id, answer.seq, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12 from answer
            ), event as (
              insert into events (id, room_id, seq, chat_id, type, actor_id, payload, created_at)
              select $13, answer.room_id, answer.seq, $1, $15, $2, answer.view, $12 from answer
            )
            insert into client_writes (client_id, actor_id, operation, fingerprint, response)
            select $4, $2, $16, $17, answer.view::text from answer
            returning response""";

    private final Pool pool;
    private final ObjectMapper json;
    private final ClientWrites writes;

    public MessageStatement(Pool pool, ObjectMapper json, ClientWrites writes) {
        this.pool = pool;
        this.json = json;
        this.writes = writes;
    }

    /** The message as posted (read from the stored answer, as a retry reads it), or null when the statement appended nothing. */
    public Uni<MessageView> append(Actor author, UUID chatId, UUID clientId, MessageDraft draft) {
        ClientRequest request = MessageRequest.send(clientId, author.id(), chatId, draft);
        Message message = Message.of(chatId, author.id(), clientId, draft, null);
        MessageView.Author authorView = new MessageView.Author(author.id(), author.displayName(), author.unit());
        // Room and seq are the database's: the answer gets them in the statement.
        String view = toJson(MessageView.of(message, authorView));
        Tuple values = Tuple.tuple()
                .addUUID(chatId).addUUID(author.id()).addUUID(message.id).addUUID(clientId)
                .addString(draft.kind().wireName()).addString(draft.body())
                .addUUID(draft.poiId()).addUUID(draft.attachmentId())
                .addDouble(draft.lat()).addDouble(draft.lon()).addDouble(draft.accuracy())
                .addOffsetDateTime(message.createdAt).addUUID(Ids.newId()).addString(view)
                .addString(EventType.MESSAGE_CREATED.wireName())
                .addString(request.operation()).addString(writes.fingerprint(request));
        return pool.preparedQuery(APPEND).execute(values).map(rows -> {
            RowIterator<Row> appended = rows.iterator();
            return appended.hasNext() ? writes.read(appended.next().getString("response"), MessageView.class) : null;
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
