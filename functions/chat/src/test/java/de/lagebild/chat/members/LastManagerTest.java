package de.lagebild.chat.members;

import static de.lagebild.common.testing.ChatFixture.addRoomMember;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.setPermissions;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two managers act against each other at the same moment, 20 rounds each: removing each other and
 * demoting (rooms) or revoking each other's `manage` (chats). The last-manager rule holds every
 * time: at least one manager stays, and every refusal is a 409 or 404, never a 500.
 */
@QuarkusTest
class LastManagerTest {

    private static final int ROUNDS = 20;
    private static final List<String> ROOM_MANAGERS = List.of("lead1", "lead2");
    private static final List<String> CHAT_MANAGERS = List.of("lead1", "officer1");

    @Inject
    Pool pool;

    private final ExecutorService managers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopManagers() {
        managers.shutdownNow();
    }

    @Test
    void twoRoomManagersRemovingEachOtherLeaveOneManager() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String room = roomWithTwoManagers();
            List<Integer> statuses = againstEachOther(ROOM_MANAGERS, "DELETE",
                    other -> "/v1/rooms/" + room + "/members/" + other);
            assertThat(statuses).as("round " + round).containsAnyOf(204).allMatch(s -> s == 204 || s == 404 || s == 409);
            assertThat(roomManagers(room)).as("managers after round " + round).isEqualTo(1);
        }
    }

    @Test
    void twoRoomManagersDemotingEachOtherLeaveOneManager() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String room = roomWithTwoManagers();
            List<Integer> statuses = againstEachOther(ROOM_MANAGERS, "POST",
                    other -> "/v1/rooms/" + room + "/members", other -> Map.of("userId", other, "role", "member"));
            assertThat(statuses).as("round " + round).containsAnyOf(200).allMatch(s -> s == 200 || s == 403 || s == 409);
            assertThat(roomManagers(room)).as("managers after round " + round).isEqualTo(1);
        }
    }

    @Test
    void twoChatManagersRemovingEachOtherLeaveOneManager() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String chat = chatWithTwoManagers();
            List<Integer> statuses = againstEachOther(CHAT_MANAGERS, "DELETE",
                    other -> "/v1/chats/" + chat + "/members/" + other);
            assertThat(statuses).as("round " + round).containsAnyOf(204).allMatch(s -> s == 204 || s == 404 || s == 409);
            assertThat(chatManagers(chat)).as("managers after round " + round).isEqualTo(1);
        }
    }

    @Test
    void twoChatManagersRevokingEachOthersManageLeaveOneManager() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String chat = chatWithTwoManagers();
            List<Integer> statuses = againstEachOther(CHAT_MANAGERS, "PUT",
                    other -> "/v1/chats/" + chat + "/members/" + other + "/permissions",
                    other -> Map.of("permissions", List.of("read", "write")));
            assertThat(statuses).as("round " + round).containsAnyOf(200).allMatch(s -> s == 200 || s == 403 || s == 409);
            assertThat(chatManagers(chat)).as("managers after round " + round).isEqualTo(1);
        }
    }

    private static String roomWithTwoManagers() {
        String room = openRoom("lead1");
        addRoomMember("lead1", room, "lead2", "manager");
        return room;
    }

    private static String chatWithTwoManagers() {
        String chat = createChat("lead1", openRoom("lead1", "officer1"), "officer1");
        setPermissions("lead1", chat, "officer1", "read", "write", "manage");
        return chat;
    }

    private List<Integer> againstEachOther(List<String> pair, String method, Function<String, String> path)
            throws Exception {
        return againstEachOther(pair, method, path, null);
    }

    /** Both managers send their request against the other at once; returns both statuses. */
    private List<Integer> againstEachOther(List<String> pair, String method, Function<String, String> path,
            Function<String, Map<String, Object>> body) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String other = userId(pair.get(1 - i));
            RequestSpecification request = as(pair.get(i));
            if (body != null) {
                request.body(body.apply(other));
            }
            sent.add(managers.submit(() -> {
                gate.await();
                return request.request(method, path.apply(other)).statusCode();
            }));
        }
        gate.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : sent) {
            statuses.add(status.get());
        }
        return statuses;
    }

    private long roomManagers(String room) {
        return count("select count(*) from room_members where room_id = $1 and role = 'manager'", room);
    }

    private long chatManagers(String chat) {
        return count("select count(*) from chat_members where chat_id = $1 and can_manage", chat);
    }

    private long count(String sql, String id) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next().getLong(0);
    }
}
