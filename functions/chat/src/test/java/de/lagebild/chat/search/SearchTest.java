package de.lagebild.chat.search;

import static de.lagebild.chat.search.SearchSteps.bodies;
import static de.lagebild.chat.search.SearchSteps.ids;
import static de.lagebild.chat.search.SearchSteps.photo;
import static de.lagebild.chat.search.SearchSteps.poi;
import static de.lagebild.chat.search.SearchSteps.search;
import static de.lagebild.chat.search.SearchSteps.send;
import static de.lagebild.chat.search.SearchSteps.tag;
import static de.lagebild.common.testing.ChatFixture.as;
import static de.lagebild.common.testing.ChatFixture.createChat;
import static de.lagebild.common.testing.ChatFixture.openRoom;
import static de.lagebild.common.testing.ChatFixture.sendText;
import static de.lagebild.common.testing.ChatFixture.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What search finds, ranks, highlights and pages; German text as typed and as transliterated. */
@QuarkusTest
class SearchTest {

    private static final String LEAD = "lead2";
    private static final String OFFICER = "officer3";

    @Inject
    Pool pool;

    private static String chat() {
        return createChat(LEAD, openRoom(LEAD, OFFICER), OFFICER);
    }

    private static Map<String, String> q(String text) {
        return Map.of("q", text);
    }

    @Test
    void germanTextIsFoundAsTypedAsTransliteratedAndStemmed() {
        String chat = chat();
        String tag = tag();
        String text = "Fahrzeug HH-AB 1234 vor der Kreuzstraße 5 gesichtet, Zeuge Jürgen Müller, Meldung " + tag;
        sendText(OFFICER, chat, text);
        for (String query : List.of("Kreuzstrasse", "Kreuzstraße", "KREUZSTRASSE", "Mueller", "Müller", "Juergen",
                "\"HH-AB 1234\"", "HH-AB 1234", "hh-ab 1234", "Fahrzeuge", "Zeugen gesichtet", "Meldungen")) {
            assertThat(bodies(LEAD, q(query + " " + tag))).as(query).containsExactly(text);
        }
        for (String query : List.of("HH-AB 1235", "HH-AC 1234", "Kreuzweg", "Müller -Zeuge")) {
            assertThat(bodies(LEAD, q(query + " " + tag))).as(query).isEmpty();
        }
    }

    @Test
    void englishTextIsStemmed() {
        String chat = chat();
        String tag = tag();
        String text = "Suspect vehicles running towards the station " + tag;
        sendText(OFFICER, chat, text);
        assertThat(bodies(LEAD, q("vehicle runs " + tag))).containsExactly(text);
        assertThat(bodies(LEAD, q("stations " + tag))).containsExactly(text);
    }

    @Test
    void theSnippetHighlightsTheMatchesAsWritten() {
        String chat = chat();
        String tag = tag();
        sendText(OFFICER, chat, "Sperrung in der Hauptstraße wegen Feuer " + tag);
        JsonPath found = search(LEAD, q("Hauptstrasse feuer " + tag));
        String snippet = found.getString("results[0].snippet.text");
        List<String> highlighted = new ArrayList<>();
        for (Map<String, Integer> range : found.<Map<String, Integer>>getList("results[0].snippet.highlights")) {
            highlighted.add(snippet.substring(range.get("start"), range.get("end")));
        }
        assertThat(snippet).contains("Sperrung in der Hauptstraße wegen Feuer");
        assertThat(highlighted).containsExactly("Hauptstraße", "Feuer", tag);
    }

    @Test
    void theBetterMatchRanksFirst() {
        String chat = chat();
        String tag = tag();
        sendText(OFFICER, chat, "Einsatz ruhig " + tag);
        sendText(OFFICER, chat, "Brand Brand Brand im Lager, Brand bestätigt " + tag);
        sendText(OFFICER, chat, "Verdacht auf Brand " + tag);
        List<String> found = bodies(LEAD, q("Brand " + tag));
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("Brand Brand");
    }

    @Test
    void editedAwayAndDeletedWordsAreFoundNowhere() {
        String chat = chat();
        String tag = tag();
        String id = (String) sendText(OFFICER, chat, "Treffpunkt Rathaus " + tag).get("id");
        as(OFFICER).body(Map.of("body", "Treffpunkt Bahnhof " + tag)).patch("/v1/chats/" + chat + "/messages/" + id)
                .then().statusCode(200);
        assertThat(ids(LEAD, q("Rathaus " + tag))).isEmpty();
        assertThat(bodies(LEAD, q("Bahnhof " + tag))).containsExactly("Treffpunkt Bahnhof " + tag);
        as(OFFICER).delete("/v1/chats/" + chat + "/messages/" + id).then().statusCode(204);
        assertThat(ids(LEAD, q("Bahnhof " + tag))).isEmpty();
        assertThat(ids(LEAD, q("Treffpunkt " + tag))).isEmpty();
    }

    @Test
    void poiNamesAndDescriptionsAreFoundAsTheyAreNowAndByTheirPlace() {
        String chat = chat();
        String tag = tag();
        UUID poi = poi(pool, chat, "Sammelpunkt Süd " + tag, "Zufahrt über die Bergstraße", 53.55, 9.99);
        String id = (String) send(OFFICER, chat, Map.of("kind", "poi", "poiId", poi)).get("id");
        assertThat(ids(LEAD, q("Sammelpunkt Sued " + tag))).containsExactly(id);
        JsonPath located = search(LEAD, Map.of("q", "Bergstrasse " + tag, "bbox", "9.9,53.5,10.1,53.6"));
        assertThat(located.getList("results.message.id")).containsExactly(id);
        assertThat(located.getDouble("results[0].position.lat")).isEqualTo(53.55);
        assertThat(ids(LEAD, Map.of("q", "Bergstrasse " + tag, "bbox", "10.5,53.5,10.6,53.6"))).isEmpty();
        String unlocated = (String) sendText(OFFICER, chat, "Bergstraße ohne Ort " + tag).get("id");
        assertThat(ids(LEAD, q("Bergstrasse " + tag))).hasSize(2);
        assertThat(ids(LEAD, Map.of("q", "Bergstrasse " + tag, "bbox", "-180,-90,180,90"))).containsExactly(id);

        pool.preparedQuery("update pois set description = 'Zufahrt über den Deich', version = version + 1 where id = $1")
                .executeAndAwait(Tuple.of(poi));
        assertThat(ids(LEAD, q("Bergstrasse " + tag))).containsExactly(unlocated);
        assertThat(ids(LEAD, q("Deich " + tag))).containsExactly(id);
        pool.preparedQuery("update pois set deleted_at = now() where id = $1").executeAndAwait(Tuple.of(poi));
        assertThat(ids(LEAD, q("Sammelpunkt " + tag))).isEmpty();
    }

    @Test
    void fileNamesAndCaptionsAreFound() {
        String chat = chat();
        String tag = tag();
        UUID attachment = photo(pool, chat, "Lagebild_Hauptbahnhof-Nord.jpg");
        String id = (String) send(OFFICER, chat, Map.of("kind", "photo", "attachmentId", attachment,
                "body", "Zugang gesperrt " + tag)).get("id");
        assertThat(ids(LEAD, q("Hauptbahnhof " + tag))).containsExactly(id);
        assertThat(ids(LEAD, q("gesperrt " + tag))).containsExactly(id);
    }

    @Test
    void filtersByRoomChatAuthorAndTime() {
        String room = openRoom(LEAD, OFFICER);
        String chat = createChat(LEAD, room, OFFICER);
        String otherChat = createChat(LEAD, openRoom(LEAD, OFFICER), OFFICER);
        String tag = tag();
        Map<String, Object> first = sendText(OFFICER, chat, "Lage eins " + tag);
        Map<String, Object> second = sendText(LEAD, chat, "Lage zwei " + tag);
        Map<String, Object> third = sendText(OFFICER, otherChat, "Lage drei " + tag);
        assertThat(ids(LEAD, q("Lage " + tag))).hasSize(3);
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "roomId", room))).containsExactlyInAnyOrder(
                (String) first.get("id"), (String) second.get("id"));
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "chatId", otherChat))).containsExactly((String) third.get("id"));
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "chatId", otherChat, "roomId", room))).isEmpty();
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "authorId", userId(LEAD))))
                .containsExactly((String) second.get("id"));
        String secondAt = (String) second.get("createdAt");
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "from", secondAt)))
                .containsExactlyInAnyOrder((String) second.get("id"), (String) third.get("id"));
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "to", secondAt))).containsExactly((String) first.get("id"));
        assertThat(ids(LEAD, Map.of("q", "Lage " + tag, "from", OffsetDateTime.parse(secondAt).minusDays(1).toString(),
                "to", OffsetDateTime.parse(secondAt).plusDays(1).toString()))).hasSize(3);
    }

    /** The test profile ranks windows of 4 matches (lagebild.search.ranked-window). */
    private static final int WINDOW = 4;

    @Test
    void pagesByCursorVisitEveryResultOnceBestFirstWithinEachWindowOfNewestMatches() {
        String chat = chat();
        String tag = tag();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add((String) sendText(OFFICER, chat, "Streife " + "Streife ".repeat(i % 3) + tag).get("id"));
        }
        List<String> seen = new ArrayList<>();
        List<Float> ranks = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = search(LEAD, page("Streife " + tag, 3, cursor));
            seen.addAll(page.getList("results.message.id"));
            ranks.addAll(page.getList("results.rank", Float.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
        assertThat(seen.subList(0, WINDOW)).containsExactlyInAnyOrderElementsOf(sent.subList(3, 7));
        assertThat(seen.subList(WINDOW, 7)).containsExactlyInAnyOrderElementsOf(sent.subList(0, 3));
        assertThat(ranks.subList(0, WINDOW)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(ranks.subList(WINDOW, 7)).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void pagingNeitherRepeatsNorSkipsWhileMatchesAreSent() {
        String chat = chat();
        String tag = tag();
        List<String> before = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            before.add((String) sendText(OFFICER, chat, "Absperrung " + "Absperrung ".repeat(i % 4) + tag).get("id"));
        }
        List<String> seen = new ArrayList<>();
        List<String> sentMeanwhile = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = search(LEAD, page("Absperrung " + tag, 3, cursor));
            seen.addAll(page.getList("results.message.id"));
            cursor = page.getString("nextCursor");
            for (int repeat : new int[] {0, 5}) {
                sentMeanwhile.add((String) sendText(OFFICER, chat,
                        "Absperrung " + "Absperrung ".repeat(repeat) + tag).get("id"));
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        assertThat(sentMeanwhile).containsAll(seen.stream().filter(id -> !before.contains(id)).toList());
    }

    private static Map<String, String> page(String query, int limit, String cursor) {
        return cursor == null ? Map.of("q", query, "limit", Integer.toString(limit))
                : Map.of("q", query, "limit", Integer.toString(limit), "cursor", cursor);
    }
}
