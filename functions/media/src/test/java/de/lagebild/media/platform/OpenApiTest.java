package de.lagebild.media.platform;

import static io.restassured.RestAssured.given;

import de.lagebild.common.testing.OpenApiContract;
import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ChatFixtures;
import de.lagebild.media.testing.ExportArchives;
import de.lagebild.media.testing.RoomRecordFixture;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Each operation of media's document on its happy path (and an upload's retry, raw and multipart). */
@QuarkusTest
class OpenApiTest extends OpenApiContract {

    @Inject
    Pool pool;

    @Override
    protected Map<String, HappyPath> happyPaths() {
        Map<String, HappyPath> paths = new TreeMap<>();
        paths.put("POST /v1/chats/{chatId}/attachments", () -> {
            UUID chatId = newChat();
            UUID clientId = UUID.randomUUID();
            return List.of(uploadPhoto(chatId, clientId).statusCode(), uploadPhoto(chatId, clientId).statusCode(),
                    officer().multiPart("clientId", UUID.randomUUID().toString())
                            .multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                            .post("/v1/chats/" + chatId + "/attachments").statusCode());
        });
        paths.put("POST /v1/chats/{chatId}/media-messages", () -> {
            String messages = "/v1/chats/" + newChat() + "/media-messages";
            String clientId = UUID.randomUUID().toString();
            return List.of(
                    officer().contentType("application/pdf").body(TestFiles.pdf()).queryParam("clientId", clientId)
                            .post(messages).statusCode(),
                    officer().contentType("application/pdf").body(TestFiles.pdf()).queryParam("clientId", clientId)
                            .post(messages).statusCode());
        });
        paths.put("POST /v1/admin/chats/{chatId}/media", () -> {
            String media = "/v1/admin/chats/" + newChat() + "/media";
            String clientId = UUID.randomUUID().toString();
            return List.of(inject(media, clientId).statusCode(), inject(media, clientId).statusCode());
        });
        for (String variant : new String[] {"", "/thumbnail", "/original"}) {
            paths.put("GET /v1/attachments/{attachmentId}" + variant, () -> List.of(officer().redirects().follow(false)
                    .get("/v1/attachments/" + newPhoto() + variant).statusCode()));
        }
        paths.put("GET /v1/attachments/{attachmentId}/link",
                () -> List.of(officer().get("/v1/attachments/" + newPhoto() + "/link").statusCode()));
        paths.put("POST /v1/rooms/{roomId}/exports", () -> {
            UUID roomId = newRoom();
            UUID clientId = UUID.randomUUID();
            return List.of(requestExport(roomId, clientId).statusCode(), requestExport(roomId, clientId).statusCode());
        });
        paths.put("GET /v1/rooms/{roomId}/exports/{exportId}", () -> {
            UUID roomId = newRoom();
            String exportId = requestExport(roomId, UUID.randomUUID()).then().statusCode(201).extract().path("id");
            return List.of(lead().get(ExportArchives.exportPath(roomId, exportId)).statusCode());
        });
        paths.put("DELETE /v1/rooms/{roomId}/exports/{exportId}", () -> {
            RoomRecordFixture room = new RoomRecordFixture(pool, "lead2", OffsetDateTime.now(ZoneOffset.UTC));
            // Recorded as queued and not started, so that it is certainly still cancellable.
            UUID exportId = UUID.randomUUID();
            pool.preparedQuery("insert into room_exports (id, room_id, requested_by, window_from, window_to, state, requested_at)"
                            + " values ($1, $2, $3, now() - interval '1 hour', now(), 'queued', now())")
                    .execute(Tuple.of(exportId, room.roomId, room.user("lead2"))).await().indefinitely();
            return List.of(lead().delete(ExportArchives.exportPath(room.roomId, exportId.toString())).statusCode());
        });
        paths.put("GET /v1/rooms/{roomId}/exports/{exportId}/download", () -> {
            UUID roomId = newRoom();
            String exportId = requestExport(roomId, UUID.randomUUID()).then().statusCode(201).extract().path("id");
            ExportArchives.awaitState("lead2", roomId, exportId, "done");
            return List.of(lead().get(ExportArchives.exportPath(roomId, exportId) + "/download").statusCode());
        });
        paths.put("POST /v1/admin/media/sweep", () -> List.of(admin().post("/v1/admin/media/sweep").statusCode()));
        paths.put("POST /v1/admin/media/retention", () -> List.of(admin().post("/v1/admin/media/retention").statusCode()));
        return paths;
    }

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.of("officer1"));
    }

    private static RequestSpecification lead() {
        return given().auth().oauth2(Tokens.of("lead2"));
    }

    private UUID newRoom() {
        return new RoomRecordFixture(pool, "lead2", OffsetDateTime.now(ZoneOffset.UTC)).roomId;
    }

    private static Response requestExport(UUID roomId, UUID clientId) {
        return ExportArchives.request("lead2", roomId, clientId, OffsetDateTime.parse("2020-01-01T00:00:00Z"),
                OffsetDateTime.parse("2100-01-01T00:00:00Z"));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.of("admin1"));
    }

    private UUID newChat() {
        return new ChatFixtures(pool).chatOf("officer1");
    }

    private String newPhoto() {
        return uploadPhoto(newChat(), UUID.randomUUID()).then().statusCode(201).extract().path("id");
    }

    private static Response uploadPhoto(UUID chatId, UUID clientId) {
        return officer().contentType("image/jpeg").body(TestFiles.jpeg(TestFiles.halves(20, 10)))
                .queryParam("clientId", clientId.toString()).queryParam("fileName", "a.jpg")
                .post("/v1/chats/" + chatId + "/attachments");
    }

    private static Response inject(String media, String clientId) {
        return admin().multiPart("clientId", clientId).multiPart("file", "a.pdf", TestFiles.pdf(), "application/pdf")
                .post(media);
    }
}
