package de.lagebild.positions.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.testing.Tokens;
import de.lagebild.positions.testing.MapFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/admin/positions/retention: tracks go 24 h after the user's last room closed, not before;
 * a latest position goes too once it is older than the retention; a legal hold keeps them.
 */
@QuarkusTest
class RetentionResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Pool pool;

    private MapFixtures fixtures;
    private OffsetDateTime now;

    @BeforeEach
    void fixtures() {
        fixtures = new MapFixtures(pool);
        now = OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Test
    void deletesTracksOfUsersWhoseRoomsAllClosedLongerAgoThanTheRetention() {
        UUID lead = fixtures.syntheticUser("Lead");
        UUID expired = userInRoomClosedAt(lead, now.minusHours(25));
        UUID recentlyClosed = userInRoomClosedAt(lead, now.minusHours(2));
        UUID stillActive = userInRoomClosedAt(lead, now.minusHours(30));
        fixtures.room(stillActive);
        UUID expiredButSharing = userInRoomClosedAt(lead, now.minusHours(48));
        for (UUID user : new UUID[] {expired, recentlyClosed, stillActive, expiredButSharing}) {
            fixtures.trackFix(user, 53.55, 9.99, now.minusHours(26));
            fixtures.trackFix(user, 53.56, 9.98, now.minusHours(3));
        }
        fixtures.latest(expired, 53.56, 9.98, now.minusHours(26));
        fixtures.latest(recentlyClosed, 53.56, 9.98, now.minusHours(26));
        fixtures.latest(expiredButSharing, 53.56, 9.98, now.minusMinutes(1));

        given().auth().oauth2(Tokens.of("admin1")).when().post("/v1/admin/positions/retention").then().statusCode(200);

        assertThat(trackRows(expired)).isZero();
        assertThat(latestRows(expired)).isZero();
        assertThat(trackRows(recentlyClosed)).isEqualTo(2);
        assertThat(latestRows(recentlyClosed)).isEqualTo(1);
        assertThat(trackRows(stillActive)).isEqualTo(2);
        assertThat(trackRows(expiredButSharing)).isZero();
        assertThat(latestRows(expiredButSharing)).as("a fresh latest position is kept").isEqualTo(1);
    }

    @Test
    void aLegalHoldOnARoomKeepsItsMembersTracksUntilReleased() {
        UUID lead = fixtures.syntheticUser("Lead");
        UUID held = fixtures.syntheticUser("Officer");
        UUID roomId = fixtures.room(lead);
        fixtures.member(fixtures.chat(roomId, lead), roomId, held, true, true, false);
        fixtures.closeRoom(roomId, now.minusDays(30));
        fixtures.trackFix(held, 53.55, 9.99, now.minusDays(31));
        pool.preparedQuery("insert into legal_holds (room_id, reason, placed_by) values ($1, 'Az. 123 Js 456/26', $2)")
                .executeAndAwait(Tuple.of(roomId, lead));

        given().auth().oauth2(Tokens.of("admin1")).when().post("/v1/admin/positions/retention").then().statusCode(200);
        assertThat(trackRows(held)).as("held").isEqualTo(1);

        pool.preparedQuery("delete from legal_holds where room_id = $1").executeAndAwait(Tuple.of(roomId));
        given().auth().oauth2(Tokens.of("admin1")).when().post("/v1/admin/positions/retention").then().statusCode(200);
        assertThat(trackRows(held)).as("released").isZero();
    }

    @Test
    void officerMayNotRunIt() {
        given().auth().oauth2(Tokens.of("officer1")).when().post("/v1/admin/positions/retention")
                .then().statusCode(403).contentType(PROBLEM);
        given().when().post("/v1/admin/positions/retention").then().statusCode(401);
    }

    private UUID userInRoomClosedAt(UUID lead, OffsetDateTime closedAt) {
        UUID user = fixtures.syntheticUser("Officer");
        UUID roomId = fixtures.room(lead);
        UUID chatId = fixtures.chat(roomId, lead);
        fixtures.member(chatId, roomId, user, true, true, false);
        fixtures.closeRoom(roomId, closedAt);
        return user;
    }

    private long trackRows(UUID user) {
        return fixtures.count("select count(*) from position_track where user_id = $1", user);
    }

    private long latestRows(UUID user) {
        return fixtures.count("select count(*) from positions_latest where user_id = $1", user);
    }
}
