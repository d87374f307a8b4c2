package de.lagebild.media.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ExportArchives;
import de.lagebild.media.testing.RoomRecordFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Who may request an export and see, cancel and download it (table-driven), bad requests, exactly
 * once under ten identical requests at once, and a cancellation while the job runs.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRequestTest {

    private static final int CONCURRENT = 10;
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    @Inject
    S3Client s3;

    private final ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    private RoomRecordFixture room;
    private String leadsExport;

    /** Once for the class, but on the first test: RestAssured knows the test port only then. */
    @BeforeEach
    void room() {
        if (leadsExport != null) {
            return;
        }
        room = new RoomRecordFixture(pool, "lead2", now.minusMinutes(30));
        room.addMember("officer2", false, "lead2", now.minusMinutes(29));
        room.addMember("officer3", true, "lead2", now.minusMinutes(28));
        room.message("officer2", "Lage ruhig", false, now.minusMinutes(20));
        leadsExport = request("lead2", UUID.randomUUID()).then().statusCode(201).extract().path("id");
        ExportArchives.awaitState("lead2", room.roomId, leadsExport, "done");
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
    }

    @ParameterizedTest(name = "{0} requests an export: {1}")
    @CsvSource({
        "officer5, 404", // not a member: learns nothing
        "officer2, 403", // a member who is not a manager of the room
        "civilian1, 403", // no role of the app
        "lead2, 201", // the room's manager
        "officer3, 201", // another manager of the room
        "admin1, 201", // a domain administrator, not a member
    })
    void whoMayRequestAnExport(String user, int status) {
        Response response = request(user, UUID.randomUUID());
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType(PROBLEM);
        } else {
            response.then().header("Location", endsWith("/v1/rooms/" + room.roomId + "/exports/" + response.path("id")))
                    .body("state", is("queued"));
        }
    }

    @ParameterizedTest(name = "{0} asks for an export of an unknown room: 404")
    @CsvSource({"lead2", "admin1"})
    void anUnknownRoomIsNotFoundAlike(String user) {
        String unknown = ExportArchives.request(user, UUID.randomUUID(), UUID.randomUUID(), now.minusHours(1), now)
                .then().statusCode(404).contentType(PROBLEM).extract().path("detail");
        String notMember = request("officer5", UUID.randomUUID()).then().statusCode(404).extract().path("detail");
        assertThat(unknown).isEqualTo(notMember);
    }

    @ParameterizedTest(name = "{0} {1} of lead2's export: {2}")
    @CsvSource({
        "officer5, GET, 404", "officer5, DELETE, 404", "officer5, DOWNLOAD, 404",
        "officer2, GET, 403", "officer2, DELETE, 403", "officer2, DOWNLOAD, 403",
        "civilian1, GET, 403", "civilian1, DELETE, 403", "civilian1, DOWNLOAD, 403",
        "officer3, GET, 404", "officer3, DELETE, 404", "officer3, DOWNLOAD, 404", // another manager: not theirs
        "admin1, GET, 404", "admin1, DELETE, 404", "admin1, DOWNLOAD, 404",
        "lead2, GET, 200", "lead2, DOWNLOAD, 200", "lead2, DELETE, 409", // done: nothing to cancel
    })
    void anExportBelongsToItsRequester(String user, String operation, int status) {
        Response response = call(user, operation, ExportArchives.exportPath(room.roomId, leadsExport));
        response.then().statusCode(status);
        if (status >= 400) {
            response.then().contentType(PROBLEM);
        }
    }

    @ParameterizedTest(name = "{0} of an unknown export: 404")
    @CsvSource({"GET", "DELETE", "DOWNLOAD"})
    void anUnknownExportIsNotFound(String operation) {
        call("lead2", operation, ExportArchives.exportPath(room.roomId, UUID.randomUUID().toString()))
                .then().statusCode(404).contentType(PROBLEM);
        call("lead2", operation, "/v1/rooms/" + room.roomId + "/exports/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anExportOfAnotherRoomIsNotFoundThere() {
        RoomRecordFixture other = new RoomRecordFixture(pool, "lead2", now.minusMinutes(5));
        call("lead2", "GET", ExportArchives.exportPath(other.roomId, leadsExport)).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "to before from        | {\"clientId\":\"%s\",\"from\":\"2026-12-01T10:00:00Z\",\"to\":\"2026-12-01T09:00:00Z\"} | to",
        "an empty window       | {\"clientId\":\"%s\",\"from\":\"2026-12-01T10:00:00Z\",\"to\":\"2026-12-01T10:00:00Z\"} | to",
        "no client id          | {\"from\":\"2026-12-01T10:00:00Z\",\"to\":\"2026-12-01T11:00:00Z\"}                      | ",
        "no window             | {\"clientId\":\"%s\"}                                                                | ",
        "a time that is none   | {\"clientId\":\"%s\",\"from\":\"yesterday\",\"to\":\"2026-12-01T11:00:00Z\"}          | ",
    })
    void badRequestsAre400(String name, String body, String field) {
        Response response = given().auth().oauth2(Tokens.of("lead2")).contentType("application/json")
                .body(body.formatted(UUID.randomUUID())).post("/v1/rooms/" + room.roomId + "/exports");
        response.then().statusCode(400).contentType(PROBLEM);
        if (field != null) {
            response.then().body("errors[0].field", is(field));
        }
    }

    @Test
    void tenIdenticalRequestsAtOnceMakeOneExport() throws Exception {
        UUID clientId = UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            answers.add(clients.submit(() -> {
                go.await();
                return request("lead2", clientId).then().extract();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Future<ExtractableResponse<Response>> answer : answers) {
            statuses.add(answer.get().statusCode());
            bodies.add(answer.get().asString());
        }
        assertThat(statuses).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
        assertThat(bodies).containsOnly(bodies.get(0));
        String exportId = ExportArchives.json(bodies.get(0).getBytes()).path("id").asText();
        assertThat(count("select count(*) from room_exports where room_id = $1 and id = $2", room.roomId, UUID.fromString(exportId)))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.export_requested'"
                + " and details ->> 'exportId' = $2", room.roomId, exportId)).isEqualTo(1);
        ExportArchives.awaitState("lead2", room.roomId, exportId, "done");

        Response otherWindow = ExportArchives.request("lead2", room.roomId, clientId, now.minusHours(3), now);
        otherWindow.then().statusCode(409).contentType(PROBLEM);
        request("officer3", clientId).then().statusCode(409);
    }

    @Test
    void aCancelledExportStopsAndLeavesNoArchive() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        Transaction blocking = connection.begin().await().indefinitely();
        String exportId;
        try {
            // The job reads unit statuses after the log and messages: held there, it is certainly running.
            connection.query("lock table unit_status_changes in access exclusive mode").execute().await().indefinitely();
            exportId = request("lead2", UUID.randomUUID()).then().statusCode(201).extract().path("id");
            ExportArchives.awaitState("lead2", room.roomId, exportId, "running");
            call("lead2", "DELETE", ExportArchives.exportPath(room.roomId, exportId)).then().statusCode(204);
        } finally {
            blocking.rollback().await().indefinitely();
            connection.close().await().indefinitely();
        }
        String path = ExportArchives.exportPath(room.roomId, exportId);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                "cancelled".equals(call("lead2", "GET", path).then().statusCode(200).extract().path("state"))
                        && s3.listObjectsV2(list -> list.bucket("lagebild").prefix("exports/" + room.roomId + "/" + exportId))
                                .contents().isEmpty());
        call("lead2", "DELETE", path).then().statusCode(204);
        call("lead2", "DOWNLOAD", path).then().statusCode(409).contentType(PROBLEM);
        assertThat(count("select count(*) from audit_log where room_id = $1 and action = 'room.export_cancelled'"
                + " and details ->> 'exportId' = $2", room.roomId, exportId)).isEqualTo(1);
    }

    private Response request(String user, UUID clientId) {
        return ExportArchives.request(user, room.roomId, clientId, now.minusHours(1), now.plusMinutes(5));
    }

    private static Response call(String user, String operation, String path) {
        var request = given().auth().oauth2(Tokens.of(user));
        return switch (operation) {
            case "GET" -> request.get(path);
            case "DELETE" -> request.delete(path);
            case "DOWNLOAD" -> request.get(path + "/download");
            default -> throw new IllegalArgumentException(operation);
        };
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().indefinitely().iterator().next().getLong(0);
    }
}
