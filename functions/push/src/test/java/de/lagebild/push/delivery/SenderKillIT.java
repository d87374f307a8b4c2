package de.lagebild.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.Ids;
import de.lagebild.common.testing.PackagedFunction;
import de.lagebild.common.testing.TestPool;
import de.lagebild.push.testing.LocalPushService;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged function is killed (kill -9) while 1,000 pushes are due (100 alarms to 10 devices);
 * a new instance and a second one beside it take over: every (event, device) arrives, and only
 * the batches the killed instance had sent but not yet recorded (one per sending pass) can arrive twice.
 */
class SenderKillIT {

    private static final int DEVICES = 10;
    private static final int ALARMS = 100;
    private static final int BATCH = 10;
    private static final int PASSES = 4;

    @Test
    void everyDuePushArrivesAfterTheSenderIsKilled() throws Exception {
        try (TestPool database = TestPool.open(); LocalPushService service = new LocalPushService(PushServicesResource.VAPID_PUBLIC_KEY)) {
            PushFixtures fixtures = new PushFixtures(database.pool());
            UUID raiser = fixtures.syntheticUser("Meier");
            UUID room = fixtures.room(raiser);
            List<Subscriptions> phones = fixtures.phonesOfNewMembers(room, service, DEVICES);
            for (int i = 0; i < ALARMS; i++) {
                fixtures.alarmRaised(room, Ids.newId(), raiser, "Meier");
            }
            service.answerAfter(Duration.ofMillis(30));

            PackagedFunction victim = start("push-victim");
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> delivered(service, phones) >= 200);
            } finally {
                victim.kill();
            }
            int atTheKill = delivered(service, phones);
            assertThat(atTheKill).as("killed while pushes were due").isLessThan(DEVICES * ALARMS);

            try (PackagedFunction restarted = start("push-restarted"); PackagedFunction second = start("push-second")) {
                assertThat(restarted.pid()).as("two instances share the work").isNotEqualTo(second.pid());
                await().atMost(Duration.ofMinutes(3)).until(() -> fixtures.count(
                        "select count(*) from push_deliveries p join events e on e.id = p.event_id "
                                + "where e.room_id = $1 and p.state = 'sent'", room) == DEVICES * ALARMS);
            }

            Map<String, Long> perEventAndDevice = service.arrivalsPerEventAndDevice(phones);
            assertThat(perEventAndDevice).hasSize(DEVICES * ALARMS);
            long twice = perEventAndDevice.values().stream().filter(count -> count > 1).count();
            assertThat(perEventAndDevice.values()).allMatch(count -> count <= 2);
            assertThat(twice).as("sent by the killed instance but not recorded").isLessThanOrEqualTo(BATCH * PASSES);
            assertThat(service.refusals()).isEmpty();
        }
    }

    private static PackagedFunction start(String name) throws Exception {
        List<String> settings = new ArrayList<>();
        PushServicesResource.packagedFunctionSettings().forEach((key, value) -> settings.add("-D" + key + "=" + value));
        settings.add("-Dlagebild.push.delivery.batch-size=" + BATCH);
        settings.add("-Dlagebild.push.delivery.sending-passes=" + PASSES);
        settings.add("-Dlagebild.push.delivery.max-backoff=2s");
        return PackagedFunction.startOnFreePort(name, Path.of("."), settings);
    }

    private static int delivered(LocalPushService service, List<Subscriptions> phones) {
        return phones.stream().mapToInt(phone -> service.receivedBy(phone).size()).sum();
    }
}
