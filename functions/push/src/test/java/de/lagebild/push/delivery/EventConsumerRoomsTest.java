package de.lagebild.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.lagebild.common.Ids;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consumer reads a room's events only when one of its members has a device; a room behind without
 * one has its cursor moved to its end in the same statement, so it is never read event by event.
 */
@QuarkusTest
@WithTestResource(PushServicesResource.class)
class EventConsumerRoomsTest {

    @Inject
    Pool pool;

    @Inject
    PushLoop loop;

    @Inject
    EventConsumer consumer;

    @Test
    void aRoomBehindIsReadOnlyOnceAMemberHasADevice() {
        PushFixtures fixtures = new PushFixtures(pool);
        UUID lead = fixtures.syntheticUser("Leitung");
        UUID officer = fixtures.syntheticUser("Streife 1");
        UUID room = fixtures.room(lead);
        fixtures.roomMember(room, officer, "member");

        loop.stop();
        try {
            fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");
            assertThat(roomsToRead()).doesNotContain(room);
            assertThat(fixtures.consumed(room)).as("passed over to its end").isTrue();

            fixtures.webPushDevice(officer, PushServicesResource.pushService().subscribe());
            fixtures.alarmRaised(room, Ids.newId(), lead, "Leitung");
            assertThat(roomsToRead()).contains(room);
            assertThat(fixtures.consumed(room)).as("left to be read").isFalse();
        } finally {
            loop.start();
        }
    }

    private List<UUID> roomsToRead() {
        return consumer.roomsToRead(Integer.MAX_VALUE).stream().map(row -> row.getUUID("id")).toList();
    }
}
