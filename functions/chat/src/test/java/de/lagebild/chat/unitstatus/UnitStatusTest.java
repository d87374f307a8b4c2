package de.lagebild.chat.unitstatus;

import static de.lagebild.chat.unitstatus.UnitStatusSteps.board;
import static de.lagebild.chat.unitstatus.UnitStatusSteps.history;
import static de.lagebild.chat.unitstatus.UnitStatusSteps.requestStatus;
import static de.lagebild.chat.unitstatus.UnitStatusSteps.setStatus;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalogue, setting a status, the board, the history, and status requests with their answers. */
@QuarkusTest
class UnitStatusTest {

    @Inject
    Pool pool;

    @Test
    void theCatalogueDefaultsToTheFmsStatusesWithZeroTheOnlyUrgentOne() {
        JsonPath catalogue = as("officer1").get("/v1/unit-statuses").then().statusCode(200).extract().jsonPath();
        assertThat(catalogue.getList("statuses.code", String.class))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");
        assertThat(catalogue.getList("statuses.findAll { it.urgent }.code", String.class)).containsExactly("0");
        assertThat(catalogue.getString("statuses.find { it.code == '1' }.label")).isEqualTo("einsatzbereit über Funk");
        assertThat(catalogue.getString("statuses.find { it.code == '6' }.label")).isEqualTo("nicht einsatzbereit");
        assertThat(catalogue.getString("statuses.find { it.code == '0' }.label")).isEqualTo("dringender Sprechwunsch");
        assertThat(catalogue.getList("statuses.shortLabel", String.class)).allSatisfy(label -> assertThat(label).isNotBlank());
    }

    @Test
    void aMemberSetsTheirStatusAndTheBoardAndTheHistoryShowIt() {
        String room = openRoom("lead1", "officer1", "officer2");
        Response first = as("officer1").body(Map.of("clientId", UUID.randomUUID(), "code", "3"))
                .post("/v1/rooms/" + room + "/unit-statuses");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Location")).endsWith("/v1/rooms/" + room + "/unit-statuses/" + userId("officer1"));
        assertThat(first.jsonPath().getString("status.label")).isEqualTo("Einsatz übernommen");
        Map<String, Object> second = setStatus("officer1", room, "4");

        JsonPath shown = board("officer2", room).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getList("members.userId", String.class))
                .containsExactlyInAnyOrder(userId("lead1"), userId("officer1"), userId("officer2"));
        String officer1 = "members.find { it.userId == '" + userId("officer1") + "' }";
        assertThat(shown.getString(officer1 + ".status.code")).isEqualTo("4");
        assertThat(shown.getString(officer1 + ".status.label")).isEqualTo("am Einsatzort");
        assertThat(shown.getString(officer1 + ".setAt")).isEqualTo(second.get("setAt"));
        assertThat(shown.getString("members.find { it.userId == '" + userId("officer2") + "' }.status")).isNull();

        JsonPath changes = history("lead1", room, userId("officer1")).then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("status.code", String.class)).containsExactly("4", "3");
        assertThat(changes.getString("[0].setAt")).isEqualTo(second.get("setAt"));
        assertThat(changes.getLong("[0].seq")).isGreaterThan(changes.getLong("[1].seq"));
        assertThat(count("select count(*) from events where room_id = $1 and type = 'unit.status_changed'", room))
                .isEqualTo(2);
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'unit.status_changed'", room))
                .isEqualTo(2);
        assertThat(history("officer1", room, userId("officer1")).then().extract().jsonPath()
                .getList("seq")).hasSize(2);
        assertThat(as("officer1").queryParam("limit", 1).get("/v1/rooms/" + room + "/unit-statuses/" + userId("officer1"))
                .then().statusCode(200).extract().jsonPath().getList("status.code")).containsExactly("4");
    }

    @Test
    void aStatusRequestIsAnsweredByTheNextStatusOfEachMemberItAsks() {
        String room = openRoom("lead1", "officer1", "officer2");
        setStatus("officer1", room, "2");
        String toOfficer1 = requestStatus("lead1", room, userId("officer1"));
        String toAll = requestStatus("lead1", room, null);

        Map<String, Object> answerOfOfficer1 = setStatus("officer1", room, "1");
        Map<String, Object> answerOfOfficer2 = setStatus("officer2", room, "6");
        Map<String, Object> laterOfOfficer1 = setStatus("officer1", room, "3");

        assertThat(answers(answerOfOfficer1)).containsExactlyInAnyOrder(toOfficer1, toAll);
        assertThat(answers(answerOfOfficer2)).containsExactly(toAll);
        assertThat(answers(laterOfOfficer1)).isEmpty();
        assertThat(count("select count(*) from events where room_id = $1 and type = 'unit.status_requested'", room))
                .isEqualTo(2);
        String answered = """
                select count(*) from events where room_id = $1 and type = 'unit.status_changed'
                   and payload -> 'answers' ? $2""";
        assertThat(count(answered, room, toAll)).as("changes answering the request to all").isEqualTo(2);
        assertThat(count(answered, room, toOfficer1)).isEqualTo(1);
        JsonPath officer1History = history("lead1", room, userId("officer1")).then().extract().jsonPath();
        assertThat(officer1History.getList("[1].answers", String.class)).containsExactlyInAnyOrder(toOfficer1, toAll);
    }

    /** The ids of the status requests a change answered. */
    private static List<Object> answers(Map<String, Object> change) {
        return List.copyOf((List<?>) change.get("answers"));
    }

    private long count(String sql, Object... arguments) {
        Object[] typed = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            typed[i] = i == 0 ? UUID.fromString((String) arguments[i]) : arguments[i];
        }
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(List.of(typed))).iterator().next().getLong(0);
    }
}
