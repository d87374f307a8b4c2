package de.lagebild.chat.message;

import static de.lagebild.common.testing.OnVertxContext.call;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.closeRoom;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.lagebild.common.Ids;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.messages.MessageDraft;
import de.lagebild.common.messages.MessageKind;
import de.lagebild.common.messages.MessagePosting;
import de.lagebild.common.messages.MessageStatement;
import de.lagebild.common.messages.MessageView;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.problem.ProblemKind;
import de.lagebild.common.writes.ClientWrites;
import de.lagebild.common.writes.WriteResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The send fast path (one statement) against the full path of {@link MessagePosting}: for the same
 * inputs they write the same rows (message, event, client write with its answer) and answer alike;
 * where the full path refuses, the statement writes nothing and leaves the answer to it.
 */
@QuarkusTest
class MessageStatementTest {

    @Inject
    MessageStatement statement;

    @Inject
    MessagePosting posting;

    @Inject
    Pool pool;

    @Test
    void bothPathsWriteTheSameRowsAndAnswerForTextAndLocation() throws Exception {
        for (MessageDraft draft : List.of(
                new MessageDraft(MessageKind.TEXT, "Lage ruhig", null, null, null, null, null),
                new MessageDraft(MessageKind.LOCATION, null, null, null, 53.55, 9.99, 8.0))) {
            Actor officer = actor("officer1");
            UUID fastChat = chatWithOfficer();
            UUID fullChat = chatWithOfficer();
            UUID fastClient = UUID.randomUUID();
            UUID fullClient = UUID.randomUUID();

            MessageView fast = call(() -> statement.append(officer, fastChat, fastClient, draft));
            WriteResult<MessageView> full = call(() -> posting.postChecked(officer, fullChat, fullClient, draft));

            assertThat(fast).as("the statement appended").isNotNull();
            assertThat(full.created()).isTrue();
            assertThat(withoutIds(fast)).isEqualTo(withoutIds(full.body()));
            assertThat(rows(fastChat, fastClient)).as(draft.kind() + ": rows of the fast path")
                    .isEqualTo(rows(fullChat, fullClient));
        }
    }

    @Test
    void whereTheFullPathRefusesTheStatementWritesNothing() throws Exception {
        String room = openRoom("lead1", "officer1", "officer2");
        UUID chat = UUID.fromString(createChat("lead1", room, "officer1"));
        MessageDraft text = new MessageDraft(MessageKind.TEXT, "x", null, null, null, null, null);
        MessageDraft foreignPoi = new MessageDraft(MessageKind.POI, null, Ids.newId(), null, null, null, null);

        refused(actor("officer2"), chat, text, ProblemKind.NOT_FOUND);
        refused(actor("officer3"), chat, text, ProblemKind.NOT_FOUND);
        refused(actor("officer1"), chat, foreignPoi, ProblemKind.INVALID_REQUEST);
        setPermissions("lead1", chat.toString(), "officer1", "read");
        refused(actor("officer1"), chat, text, ProblemKind.FORBIDDEN);
        closeRoom("lead1", room);
        refused(actor("lead1"), chat, text, ProblemKind.CONFLICT);
    }

    @Test
    void aUsedClientIdFailsTheStatementAndTheFullPathAnswersTheFirstResult() throws Exception {
        Actor officer = actor("officer1");
        UUID chat = chatWithOfficer();
        UUID clientId = UUID.randomUUID();
        MessageDraft draft = new MessageDraft(MessageKind.TEXT, "Lage ruhig", null, null, null, null, null);
        MessageView first = call(() -> statement.append(officer, chat, clientId, draft));

        assertThatThrownBy(() -> call(() -> statement.append(officer, chat, clientId, draft)))
                .matches(ClientWrites::isDuplicateClientId, "a duplicate client id");
        WriteResult<MessageView> retry = call(() -> posting.postChecked(officer, chat, clientId, draft));

        assertThat(retry.created()).isFalse();
        assertThat(retry.body()).isEqualTo(first);
        assertThat(count("select count(*) from messages where chat_id = $1", chat)).isEqualTo(1);
    }

    private void refused(Actor author, UUID chat, MessageDraft draft, ProblemKind expected) throws Exception {
        UUID clientId = UUID.randomUUID();
        long events = count("select count(*) from events where room_id = (select room_id from chats where id = $1)", chat);

        assertThat(call(() -> statement.append(author, chat, clientId, draft))).as("appended by the statement").isNull();
        assertThatThrownBy(() -> call(() -> posting.postChecked(author, chat, clientId, draft)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.kind()).isEqualTo(expected));

        assertThat(count("select count(*) from events where room_id = (select room_id from chats where id = $1)", chat))
                .as("events after a refusal").isEqualTo(events);
        assertThat(count("select count(*) from client_writes where client_id = $1", clientId)).isZero();
    }

    private static UUID chatWithOfficer() {
        return UUID.fromString(createChat("lead1", openRoom("lead1", "officer1"), "officer1"));
    }

    private static Actor actor(String username) {
        JsonPath me = as(username).get("/v1/me").then().statusCode(200).extract().jsonPath();
        return new Actor(UUID.fromString(me.getString("id")), null, username, me.getString("displayName"),
                me.getString("unit"), Set.copyOf(me.getList("roles", String.class)));
    }

    private static MessageView withoutIds(MessageView view) {
        return new MessageView(null, null, null, view.seq(), view.kind(), view.author(), view.postedAs(), view.priority(),
                view.ackRequested(), view.body(),
                view.poiId(), view.attachmentId(), view.location(), null, view.editedAt(), view.deleted());
    }

    /** The message, its event and its client write, without what differs between two equal chats. */
    private List<String> rows(UUID chat, UUID clientId) {
        String varying = " - 'id' - 'chatId' - 'roomId' - 'createdAt'";
        return List.of(
                row("select seq, author_id, kind, body, poi_id, attachment_id, lat, lon, accuracy_m, edited_at,"
                        + " deleted_at, deleted_by, posted_as from messages where client_id = $1", clientId),
                row("select seq, type, actor_id, client_id, payload" + varying
                        + " from events where chat_id = $1 and type = 'message.created'", chat),
                row("select actor_id, operation, response::jsonb" + varying
                        + " from client_writes where client_id = $1", clientId));
    }

    private String row(String sql, UUID id) {
        Row row = pool.preparedQuery(sql).executeAndAwait(Tuple.of(id)).iterator().next();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            values.add(row.getColumnName(i) + "=" + row.getValue(i));
        }
        return String.join(", ", values);
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(id)).iterator().next().getLong(0);
    }
}
