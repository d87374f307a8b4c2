package de.lagebild.positions.map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import de.lagebild.common.Ids;
import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The forces on a chat's map carry each member's unit status in the chat's room, as the chat
 * function records it: the change last in the room's log, only of that room.
 */
@QuarkusTest
class ForceStatusTest {

    /** A status change as the chat function writes it, with the room's next seq. */
    private static final String SET_STATUS = """
            with counter as (update rooms set last_seq = last_seq + 1 where id = $1 returning last_seq)
            insert into unit_status_changes (id, room_id, user_id, code, short_label, label, urgent, seq, set_at)
            select $2, $1, $3, $4, $5, $6, $7, counter.last_seq, $8 from counter""";

    @Inject
    Pool pool;

    @Test
    void eachForceCarriesTheStatusLastSetInTheChatsRoom() {
        MapFixtures fixtures = new MapFixtures(pool);
        UUID viewer = fixtures.userIdOf("officer5");
        MapFixtures.Chat chat = fixtures.chatOf(viewer);
        MapFixtures.Chat elsewhere = fixtures.chatOf(viewer);
        UUID reporting = fixtures.syntheticUser("Peter 11/1");
        UUID silent = fixtures.syntheticUser("Anna 11/2");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (UUID member : new UUID[] {reporting, silent}) {
            fixtures.member(chat.chatId(), chat.roomId(), member, true, true, false);
            fixtures.latest(member, 53.55, 9.99, now.minusSeconds(10));
        }
        fixtures.member(elsewhere.chatId(), elsewhere.roomId(), reporting, true, true, false);
        setStatus(chat.roomId(), reporting, "3", "Einsatzübernahme", "Einsatz übernommen", false, now.minusMinutes(2));
        OffsetDateTime lastSet = now.minusMinutes(1).truncatedTo(ChronoUnit.MICROS);
        setStatus(chat.roomId(), reporting, "0", "Prio. Sprechen", "dringender Sprechwunsch", true, lastSet);
        setStatus(elsewhere.roomId(), reporting, "6", "Nicht E-bereit", "nicht einsatzbereit", false, now);

        String force = "features.find { it.id == '" + reporting + "' }.properties";
        String statusSetAt = given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + chat.chatId() + "/map/positions")
                .then().statusCode(200)
                .body(force + ".status.code", is("0"))
                .body(force + ".status.shortLabel", is("Prio. Sprechen"))
                .body(force + ".status.label", is("dringender Sprechwunsch"))
                .body(force + ".status.urgent", is(true))
                .body("features.find { it.id == '" + silent + "' }.properties.status", nullValue())
                .extract().path(force + ".statusSetAt");
        assertThat(OffsetDateTime.parse(statusSetAt).toInstant()).isEqualTo(lastSet.toInstant());
        given().auth().oauth2(Tokens.of("officer5"))
                .when().get("/v1/chats/" + elsewhere.chatId() + "/map/positions")
                .then().statusCode(200)
                .body(force + ".status.code", is("6"));
    }

    private void setStatus(UUID roomId, UUID userId, String code, String shortLabel, String label, boolean urgent,
            OffsetDateTime setAt) {
        pool.preparedQuery(SET_STATUS).executeAndAwait(Tuple.from(new Object[] {roomId, Ids.newId(), userId, code,
                shortLabel, label, urgent, setAt}));
    }
}
