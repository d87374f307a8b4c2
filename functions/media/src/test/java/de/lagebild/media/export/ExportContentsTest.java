package de.lagebild.media.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.Tokens;
import de.lagebild.media.testing.ExportArchives;
import de.lagebild.media.testing.Links;
import de.lagebild.media.testing.RoomRecordFixture;
import de.lagebild.media.testing.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One room's record, written as chat and positions write it, exported through the API and read back
 * from the downloaded archive: every file against what the log holds, nothing from outside the window,
 * no deleted or edited-away text anywhere, and the signed manifest that catches any changed byte.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportContentsTest {

    @Inject
    Pool pool;

    private final String token = UUID.randomUUID().toString().substring(0, 8);
    private RoomRecordFixture room;
    private OffsetDateTime start;
    private String exportId;
    private UUID liveMessage;
    private UUID editedMessage;
    private UUID deletedMessage;
    private UUID poi;
    private UUID alarm;
    private UUID order;
    private String photoAttachment;
    private String deletedPhotoAttachment;
    private Map<String, byte[]> files;
    private final List<String> officer2Track = new ArrayList<>();
    private final List<String> outside = new ArrayList<>();
    private String officer4Inside;

    /** Once for the class, but on the first test: RestAssured knows the test port only then. */
    @BeforeEach
    void exportARoom() {
        if (files != null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        start = now.minusMinutes(100);
        room = new RoomRecordFixture(pool, "lead2", start);
        room.addMember("officer2", false, "lead2", at(1));
        room.addMember("officer3", true, "lead2", at(2));
        room.addMember("officer4", false, "lead2", at(3));
        room.message("officer2", "vor-dem-fenster-" + token, false, now.minusHours(5));
        liveMessage = room.message("officer2", "Lage ruhig " + token, false, at(10));
        editedMessage = room.message("officer2", "erste-fassung-" + token, false, at(11));
        room.edit(editedMessage, "officer2", "zweite-fassung-" + token, at(12));
        room.edit(editedMessage, "officer2", "Kennzeichen HH-AB 1234 " + token, at(13));
        deletedMessage = room.message("officer3", "geloescht-" + token, false, at(14));
        room.delete(deletedMessage, "lead2", at(15));
        poi = room.poi("lead2", "Sammelpunkt", 53.54, 9.98, at(16));
        room.movePoi(poi, "lead2", "Sammelpunkt", 53.545, 9.985, at(17));
        alarm = room.alarm("officer2", "Unterstützung <sofort>", at(18));
        room.acknowledgeAlarm(alarm, "officer3", at(19));
        order = room.order("lead2", "Absperrung Nord besetzen " + token, at(20), "officer2", "officer3", "officer4");
        room.answerOrder(order, "officer2", "acknowledged", null, at(21));
        room.answerOrder(order, "officer3", "declined", "kein Fahrzeug", at(22));
        room.unitStatus("officer2", "3", "Einsatz übernommen", false, at(23));
        // Coordinates of this run only: the dev users' fixes of earlier runs stay in the shared database.
        double lat = 53 + new Random().nextInt(9000) / 10000.0;
        for (int i = 0; i < 5; i++) {
            room.fix("officer2", round(lat + i * 0.001), round(10 + i * 0.001), at(30 + i));
            officer2Track.add(round(10 + i * 0.001) + "," + round(lat + i * 0.001));
        }
        room.fix("officer2", round(lat - 1), 9.0, now.minusHours(5));
        outside.add(9.0 + "," + round(lat - 1));
        room.fix("officer4", round(lat + 0.01), 11.0, at(35));
        officer4Inside = 11.0 + "," + round(lat + 0.01);
        room.removeMember("officer4", "lead2", at(40));
        room.fix("officer4", round(lat + 0.02), 11.5, at(45));
        outside.add(11.5 + "," + round(lat + 0.02));
        photoAttachment = uploadPhoto(false);
        deletedPhotoAttachment = uploadPhoto(true);

        String id = ExportArchives.request("lead2", room.roomId, UUID.randomUUID(), now.minusHours(2), now.plusMinutes(10))
                .then().statusCode(201).extract().path("id");
        exportId = id;
        ExportArchives.awaitState("lead2", room.roomId, exportId, "done");
        files = ExportArchives.download("lead2", room.roomId, exportId);
    }

    @Test
    void theArchiveHoldsEveryPartOfTheRecord() {
        assertThat(files.keySet()).contains("room.json", "log.json", "messages.json", "audit.json", "pois.json",
                "alarms.json", "orders.json", "unit-status.json", "tracks.geojson", "tracks.gpx", "report.html",
                "manifest.json", "manifest.json.jws");
        assertThat(ExportArchives.json(files.get("room.json")).path("id").asText()).isEqualTo(room.roomId.toString());
    }

    @Test
    void messagesStandAsTheLogLeftThem() {
        Map<String, JsonNode> messages = byId(files.get("messages.json"), "id");
        assertThat(messages).hasSize(6);
        assertThat(messages.get(liveMessage.toString()).path("body").asText()).isEqualTo("Lage ruhig " + token);
        JsonNode edited = messages.get(editedMessage.toString());
        assertThat(edited.path("body").asText()).isEqualTo("Kennzeichen HH-AB 1234 " + token);
        assertThat(OffsetDateTime.parse(edited.path("editedAt").asText())).isEqualTo(at(13));
        JsonNode deleted = messages.get(deletedMessage.toString());
        assertThat(deleted.path("body").isNull()).isTrue();
        assertThat(deleted.path("deletedAt").isNull()).isFalse();
        assertThat(deleted.path("deletedBy").asText()).isEqualTo(room.user("lead2").toString());
    }

    @Test
    void noDeletedEditedAwayOrOutsideTextIsAnywhereInTheArchive() {
        for (String gone : List.of("erste-fassung-", "zweite-fassung-", "geloescht-", "vor-dem-fenster-")) {
            files.forEach((path, content) -> assertThat(new String(content, StandardCharsets.UTF_8))
                    .as("%s in %s", gone, path).doesNotContain(gone + token));
        }
    }

    @Test
    void theLogRecordsEditsAndDeletionsWithoutTheirText() {
        List<JsonNode> log = list(files.get("log.json"));
        List<String> ofEdited = log.stream().filter(event -> event.path("payload").path("id").asText()
                .equals(editedMessage.toString())).map(event -> event.path("type").asText()).toList();
        assertThat(ofEdited).containsExactly("message.created", "message.edited", "message.edited");
        assertThat(log).anySatisfy(event -> {
            assertThat(event.path("type").asText()).isEqualTo("message.deleted");
            assertThat(event.path("payload").path("id").asText()).isEqualTo(deletedMessage.toString());
        });
        assertThat(log).allSatisfy(event -> assertThat(event.path("payload").has("body")).isFalse());
    }

    @Test
    void theAuditLogHoldsTheMembershipHistoryAndTheRequest() {
        List<JsonNode> audit = list(files.get("audit.json"));
        List<String> memberships = audit.stream().filter(row -> row.path("action").asText().startsWith("room.member"))
                .map(row -> row.path("action").asText() + " " + row.path("subjectId").asText()).toList();
        assertThat(memberships).containsExactlyInAnyOrder("room.member_added " + room.user("officer2"),
                "room.member_added " + room.user("officer3"), "room.member_added " + room.user("officer4"),
                "room.member_removed " + room.user("officer4"));
        assertThat(audit).anySatisfy(row -> {
            assertThat(row.path("action").asText()).isEqualTo("room.export_requested");
            assertThat(row.path("details").path("exportId").asText()).isEqualTo(exportId);
        });
    }

    @Test
    void poisCarryTheirHistory() {
        JsonNode found = byId(files.get("pois.json"), "id").get(poi.toString());
        assertThat(found.path("lat").asDouble()).isEqualTo(53.545);
        List<String> history = new ArrayList<>();
        found.path("history").forEach(change -> history.add(change.path("type").asText() + " " + change.path("poi").path("lat").asDouble()));
        assertThat(history).containsExactly("poi.created 53.54", "poi.moved 53.545");
    }

    @Test
    void alarmsCarryTheirAcknowledgements() {
        JsonNode found = byId(files.get("alarms.json"), "id").get(alarm.toString());
        assertThat(found.path("text").asText()).isEqualTo("Unterstützung <sofort>");
        assertThat(found.path("acknowledgements").get(0).path("userId").asText()).isEqualTo(room.user("officer3").toString());
    }

    @Test
    void ordersCarryEachRecipientsAnswer() {
        JsonNode found = byId(files.get("orders.json"), "messageId").get(order.toString());
        assertThat(found.path("body").asText()).isEqualTo("Absperrung Nord besetzen " + token);
        Map<String, JsonNode> recipients = new LinkedHashMap<>();
        found.path("recipients").forEach(recipient -> recipients.put(recipient.path("userId").asText(), recipient));
        assertThat(recipients.get(room.user("officer2").toString()).path("answer").asText()).isEqualTo("acknowledged");
        assertThat(recipients.get(room.user("officer3").toString()).path("answer").asText()).isEqualTo("declined");
        assertThat(recipients.get(room.user("officer3").toString()).path("reason").asText()).isEqualTo("kein Fahrzeug");
        assertThat(recipients.get(room.user("officer4").toString()).path("answer").isNull()).isTrue();
    }

    @Test
    void unitStatusesAreListed() {
        List<JsonNode> statuses = list(files.get("unit-status.json"));
        assertThat(statuses).singleElement().satisfies(status -> {
            assertThat(status.path("userId").asText()).isEqualTo(room.user("officer2").toString());
            assertThat(status.path("code").asText()).isEqualTo("3");
        });
    }

    /** Other modules' tests may leave fixes of the same dev users in the shared database: only ours are counted. */
    @Test
    void tracksHoldTheMembersFixesWithinTheWindowAndTheirMembership() {
        JsonNode tracks = ExportArchives.json(files.get("tracks.geojson"));
        Map<String, JsonNode> byUser = byId(tracks.path("features"), "userId");
        List<String> officer2 = coordinates(byUser.get(room.user("officer2").toString()));
        assertThat(officer2).containsSubsequence(officer2Track).doesNotContainAnyElementsOf(outside);
        List<String> officer4 = coordinates(byUser.get(room.user("officer4").toString()));
        assertThat(officer4).contains(officer4Inside).doesNotContainAnyElementsOf(outside);
        String gpx = new String(files.get("tracks.gpx"), StandardCharsets.UTF_8);
        String[] first = officer2Track.get(0).split(",");
        assertThat(gpx).contains("<trkpt lat=\"" + first[1] + "\" lon=\"" + first[0] + "\"><ele>12.5</ele><time>"
                + at(30).toInstant() + "</time>");
        for (String fix : outside) {
            String[] lonLat = fix.split(",");
            assertThat(gpx).doesNotContain("lat=\"" + lonLat[1] + "\" lon=\"" + lonLat[0] + "\"");
        }
    }

    private static List<String> coordinates(JsonNode feature) {
        JsonNode geometry = feature.path("geometry");
        List<JsonNode> points = new ArrayList<>();
        if (geometry.path("type").asText().equals("Point")) {
            points.add(geometry.path("coordinates"));
        } else {
            geometry.path("coordinates").forEach(points::add);
        }
        return points.stream().map(point -> point.get(0).asDouble() + "," + point.get(1).asDouble()).toList();
    }

    @Test
    void attachmentsAreTheServedCopiesOfMessagesNotDeleted() {
        String photo = files.keySet().stream().filter(path -> path.startsWith("attachments/" + photoAttachment + "/"))
                .findFirst().orElseThrow();
        byte[] served = Links.download("officer2", "/v1/attachments/" + photoAttachment);
        assertThat(files.get(photo)).isEqualTo(served);
        assertThat(files.keySet()).noneMatch(path -> path.contains(deletedPhotoAttachment));
        assertThat(files.keySet().stream().filter(path -> path.startsWith("attachments/"))).hasSize(1);
    }

    @Test
    void theReportIsOnePageWithoutAnythingFromOutside() {
        String html = new String(files.get("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<svg", "<polyline", "Sammelpunkt", "Absperrung Nord besetzen " + token,
                "kein Fahrzeug", "Kennzeichen HH-AB 1234 " + token, "Unterstützung &lt;sofort&gt;", "Einsatz übernommen");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:", "<script",
                "src=", "@import", "url(");
    }

    @Test
    void theSignedManifestListsEveryFile() {
        assertThat(ExportArchives.verify(files)).isNull();
        JsonNode manifest = ExportArchives.json(files.get("manifest.json"));
        assertThat(manifest.path("exportId").asText()).isEqualTo(exportId);
        assertThat(manifest.path("files")).hasSize(files.size() - 2);
    }

    @Test
    void changingAnyByteOfAnyFileIsDetected() {
        for (String path : files.keySet()) {
            byte[] original = files.get(path);
            for (int position : new int[] {0, original.length / 2, original.length - 1}) {
                Map<String, byte[]> tampered = new LinkedHashMap<>(files);
                byte[] changed = original.clone();
                changed[position] ^= 0x01;
                tampered.put(path, changed);
                assertThat(ExportArchives.verify(tampered)).as("byte %d of %s", position, path).isNotNull();
            }
        }
    }

    @Test
    void everyLinkHandedOutIsAudited() {
        long before = downloads();
        ExportArchives.download("lead2", room.roomId, exportId);
        assertThat(downloads()).isEqualTo(before + 1);
    }

    private long downloads() {
        return pool.preparedQuery("select count(*) from audit_log where room_id = $1 and action = 'room.export_downloaded'"
                        + " and actor_id = $2 and details ->> 'exportId' = $3")
                .execute(Tuple.of(room.roomId, room.user("lead2"), exportId)).await().indefinitely()
                .iterator().next().getLong(0);
    }

    private String uploadPhoto(boolean deleteAfterwards) {
        var answer = given().auth().oauth2(Tokens.of("officer2")).contentType("image/jpeg")
                .body(TestFiles.jpeg(TestFiles.halves(40, 20))).queryParam("clientId", UUID.randomUUID().toString())
                .queryParam("fileName", "lage.jpg").post("/v1/chats/" + room.chatId + "/media-messages")
                .then().statusCode(201).extract();
        if (deleteAfterwards) {
            room.delete(UUID.fromString(answer.path("message.id")), "officer2", OffsetDateTime.now(ZoneOffset.UTC));
        }
        return answer.path("attachment.id");
    }

    private static double round(double coordinate) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", coordinate));
    }

    private OffsetDateTime at(int minutes) {
        return start.plusMinutes(minutes);
    }

    private static List<JsonNode> list(byte[] content) {
        List<JsonNode> rows = new ArrayList<>();
        ExportArchives.json(content).forEach(rows::add);
        return rows;
    }

    private static Map<String, JsonNode> byId(byte[] content, String field) {
        return byId(ExportArchives.json(content), field);
    }

    private static Map<String, JsonNode> byId(JsonNode rows, String field) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        rows.forEach(row -> found.put(row.has(field) ? row.path(field).asText() : row.path("properties").path(field).asText(), row));
        return found;
    }

}
