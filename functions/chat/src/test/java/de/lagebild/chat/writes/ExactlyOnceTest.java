package de.lagebild.chat.writes;

import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every creating write of the chat API, sent ten times at once with the same client id (or, for
 * membership changes, the same target state) through real HTTP: exactly one object, one event and
 * the audit rows of one change; one 201 (where something is created) and otherwise 200, every
 * answer the same bytes. The same client id with another body is 409.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceTest {

    private static final int CONCURRENT = 10;
    /** Audit rows of a chat other than those of its creation. */
    private static final String AUDITED_AFTER_SETUP =
            "select count(*) from audit_log where chat_id = $1 and action <> 'chat.member_added'";

    @Inject
    Pool pool;

    private final ExecutorService phones = Executors.newFixedThreadPool(CONCURRENT);

    /** A write to send ten times at once, and what it must have left behind exactly once. */
    private record Write(String user, String method, String path, Map<String, Object> body,
            Map<String, Object> otherBody, Supplier<Written> written) {
    }

    /** How many objects (rows in the requested state), events and audit rows the write left. */
    private record Written(long objects, long events, long audits) {
    }

    /** One endpoint of the table: whether it creates (one 201), and the audit rows of one change. */
    private record Endpoint(String name, boolean creates, long audits, Function<ExactlyOnceTest, Write> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("open room", true, 1, ExactlyOnceTest::openRoomWrite),
                new Endpoint("create chat", true, 2, ExactlyOnceTest::createChatWrite),
                new Endpoint("send message", true, 0, ExactlyOnceTest::sendMessageWrite),
                new Endpoint("add room member", true, 1, ExactlyOnceTest::addRoomMemberWrite),
                new Endpoint("change room role", false, 1, ExactlyOnceTest::changeRoleWrite),
                new Endpoint("add chat member", true, 1, ExactlyOnceTest::addChatMemberWrite),
                new Endpoint("set permissions", false, 1, ExactlyOnceTest::setPermissionsWrite),
                new Endpoint("move read marker", false, 0, ExactlyOnceTest::readMarkerWrite),
                new Endpoint("edit message", false, 0, ExactlyOnceTest::editMessageWrite),
                new Endpoint("close room", false, 1, ExactlyOnceTest::closeRoomWrite));
    }

    @AfterAll
    void stopPhones() {
        phones.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void tenConcurrentIdenticalRequestsWriteOnceAndAnswerAlike(Endpoint endpoint) throws Exception {
        Write write = endpoint.prepare().apply(this);

        List<Response> answers = sendAtOnce(write, write.body());

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        if (endpoint.creates()) {
            assertThat(statuses).as("statuses").containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
        } else {
            assertThat(statuses).as("statuses").containsOnly(200);
        }
        List<String> bodies = answers.stream().map(Response::asString).toList();
        assertThat(bodies).as("answers").containsOnly(bodies.get(0));
        assertThat(write.written().get()).isEqualTo(new Written(1, 1, endpoint.audits()));
        if (write.otherBody() != null) {
            Response other = as(write.user()).body(write.otherBody()).request(write.method(), write.path());
            assertThat(other.statusCode()).as("another body with the client id").isEqualTo(409);
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(write.written().get()).isEqualTo(new Written(1, 1, endpoint.audits()));
        }
    }

    /** Ten requests with their tokens made beforehand, released together by one gate. */
    private List<Response> sendAtOnce(Write write, Map<String, Object> body) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            RequestSpecification request = as(write.user()).body(body);
            sent.add(phones.submit(() -> {
                gate.await();
                return request.request(write.method(), write.path());
            }));
        }
        gate.countDown();
        List<Response> answers = new ArrayList<>();
        for (Future<Response> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    private Write openRoomWrite() {
        UUID clientId = UUID.randomUUID();
        String name = "Einsatz " + clientId;
        return new Write("lead1", "POST", "/v1/rooms", Map.of("clientId", clientId, "name", name),
                Map.of("clientId", clientId, "name", name + " anders"),
                () -> new Written(count("select count(*) from rooms where name = $1", name),
                        count("select count(*) from events where type = 'room.opened' and payload ->> 'name' = $1", name),
                        count("select count(*) from audit_log a join rooms r on r.id = a.room_id"
                                + " where r.name = $1 and a.action = 'room.member_added'", name)));
    }

    private Write createChatWrite() {
        UUID room = id(openRoom("lead1", "officer1"));
        UUID clientId = UUID.randomUUID();
        List<String> members = List.of(userId("officer1"));
        return new Write("lead1", "POST", "/v1/rooms/" + room + "/chats",
                Map.of("clientId", clientId, "name", "Lage", "memberIds", members),
                Map.of("clientId", clientId, "name", "Lage Nord", "memberIds", members),
                () -> new Written(count("select count(*) from chats where room_id = $1", room),
                        count("select count(*) from events where room_id = $1 and type = 'chat.created'", room),
                        count("select count(*) from audit_log where room_id = $1 and action = 'chat.member_added'", room)));
    }

    private Write sendMessageWrite() {
        UUID chat = id(createChat("lead1", openRoom("lead1", "officer1"), "officer1"));
        UUID clientId = UUID.randomUUID();
        return new Write("officer1", "POST", "/v1/chats/" + chat + "/messages",
                Map.of("clientId", clientId, "kind", "text", "body", "Zugriff"),
                Map.of("clientId", clientId, "kind", "text", "body", "Zugriff jetzt"),
                () -> new Written(count("select count(*) from messages where chat_id = $1", chat),
                        count("select count(*) from events where chat_id = $1 and type = 'message.created'", chat),
                        count(AUDITED_AFTER_SETUP, chat)));
    }

    private Write addRoomMemberWrite() {
        UUID room = id(openRoom("lead1"));
        UUID officer = id(userId("officer2"));
        return new Write("lead1", "POST", "/v1/rooms/" + room + "/members", Map.of("userId", officer), null,
                () -> new Written(count("select count(*) from room_members where room_id = $1 and user_id = $2", room, officer),
                        count("select count(*) from events where room_id = $1 and type = 'room.member_added'"
                                + " and payload ->> 'userId' = $2", room, officer.toString()),
                        count("select count(*) from audit_log where room_id = $1 and subject_id = $2"
                                + " and action = 'room.member_added'", room, officer)));
    }

    private Write changeRoleWrite() {
        UUID room = id(openRoom("lead1", "officer2"));
        UUID officer = id(userId("officer2"));
        return new Write("lead1", "POST", "/v1/rooms/" + room + "/members", Map.of("userId", officer, "role", "manager"),
                null,
                () -> new Written(count("select count(*) from room_members where room_id = $1 and user_id = $2"
                                + " and role = 'manager'", room, officer),
                        count("select count(*) from events where room_id = $1 and type = 'room.member_role_changed'", room),
                        count("select count(*) from audit_log where room_id = $1 and action = 'room.member_role_changed'",
                                room)));
    }

    private Write addChatMemberWrite() {
        UUID chat = id(createChat("lead1", openRoom("lead1", "officer1")));
        UUID officer = id(userId("officer1"));
        return new Write("lead1", "POST", "/v1/chats/" + chat + "/members", Map.of("userId", officer), null,
                () -> new Written(count("select count(*) from chat_members where chat_id = $1 and user_id = $2", chat, officer),
                        count("select count(*) from events where chat_id = $1 and type = 'chat.member_added'", chat),
                        count("select count(*) from audit_log where chat_id = $1 and subject_id = $2"
                                + " and action = 'chat.member_added'", chat, officer)));
    }

    private Write setPermissionsWrite() {
        UUID chat = id(createChat("lead1", openRoom("lead1", "officer1"), "officer1"));
        UUID officer = id(userId("officer1"));
        return new Write("lead1", "PUT", "/v1/chats/" + chat + "/members/" + officer + "/permissions",
                Map.of("permissions", List.of("read")), null,
                () -> new Written(count("select count(*) from chat_members where chat_id = $1 and user_id = $2"
                                + " and can_read and not can_write", chat, officer),
                        count("select count(*) from events where chat_id = $1 and type = 'chat.permissions_changed'", chat),
                        count("select count(*) from audit_log where chat_id = $1 and action = 'chat.permissions_changed'",
                                chat)));
    }

    private Write readMarkerWrite() {
        UUID chat = id(createChat("lead1", openRoom("lead1", "officer1"), "officer1"));
        long seq = ((Number) sendText("lead1", chat.toString(), "Auftrag").get("seq")).longValue();
        return new Write("officer1", "PUT", "/v1/chats/" + chat + "/read-marker", Map.of("seq", seq), null,
                () -> new Written(count("select count(*) from chat_members where chat_id = $1 and read_up_to_seq = $2", chat, seq),
                        count("select count(*) from events where chat_id = $1 and type = 'chat.read'", chat),
                        count(AUDITED_AFTER_SETUP, chat)));
    }

    private Write editMessageWrite() {
        UUID chat = id(createChat("lead1", openRoom("lead1", "officer1"), "officer1"));
        String message = (String) sendText("officer1", chat.toString(), "rote Jacke").get("id");
        return new Write("officer1", "PATCH", "/v1/chats/" + chat + "/messages/" + message, Map.of("body", "blaue Jacke"),
                null,
                () -> new Written(count("select count(*) from messages where chat_id = $1 and body = 'blaue Jacke'", chat),
                        count("select count(*) from events where chat_id = $1 and type = 'message.edited'", chat),
                        count(AUDITED_AFTER_SETUP, chat)));
    }

    private Write closeRoomWrite() {
        UUID room = id(openRoom("lead1"));
        return new Write("lead1", "POST", "/v1/rooms/" + room + "/close", Map.of(), null,
                () -> new Written(count("select count(*) from rooms where id = $1 and closed_at is not null", room),
                        count("select count(*) from events where room_id = $1 and type = 'room.closed'", room),
                        count("select count(*) from audit_log where room_id = $1 and action = 'room.closed'", room)));
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(params)).iterator().next().getLong(0);
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }
}
