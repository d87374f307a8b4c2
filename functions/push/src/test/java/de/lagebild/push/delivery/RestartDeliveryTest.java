package de.lagebild.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.Ids;
import de.lagebild.push.testing.LocalPushService;
import de.lagebild.push.testing.PushFixtures;
import de.lagebild.push.testing.PushServicesResource;
import de.lagebild.push.testing.Subscriptions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * 1,000 pushes due at once (100 alarms to 10 devices), worked off by the function's loop and a second
 * consumer and sender beside it (as a second instance would), with the loop stopped and started again
 * in the middle: every (event, device) arrives exactly once. And one round of the sender sends a full
 * batch per pass, its passes at once, none twice, without a thread per push.
 */
@QuarkusTest
@WithTestResource(PushServicesResource.class)
class RestartDeliveryTest {

    private static final int DEVICES = 10;
    private static final int ALARMS = 100;

    @Inject
    Pool pool;

    @Inject
    PushLoop loop;

    @Inject
    EventConsumer consumer;

    @Inject
    DeliverySender sender;

    @Inject
    DeliveryConfig config;

    @Test
    void everyDuePushArrivesOnceAcrossARestartAndASecondInstance() throws InterruptedException {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID room = fixtures.room(raiser);
        List<Subscriptions> phones = fixtures.phonesOfNewMembers(room, service, DEVICES);

        loop.stop();
        Set<UUID> events = new HashSet<>();
        try {
            for (int i = 0; i < ALARMS; i++) {
                events.add(fixtures.alarmRaised(room, Ids.newId(), raiser, "Meier"));
            }
        } finally {
            loop.start();
        }
        AtomicBoolean secondInstance = new AtomicBoolean(true);
        Thread second = new Thread(() -> {
            while (secondInstance.get()) {
                consumer.consume();
                sender.send();
            }
        }, "second-instance");
        second.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> delivered(service, phones) >= 300);
            loop.stop();
            loop.start();
            await().atMost(Duration.ofSeconds(120)).until(() -> delivered(service, phones) >= DEVICES * ALARMS);
        } finally {
            secondInstance.set(false);
            second.join();
        }

        Map<String, Long> perEventAndDevice = service.arrivalsPerEventAndDevice(phones);
        assertThat(perEventAndDevice).hasSize(DEVICES * ALARMS);
        assertThat(perEventAndDevice.values()).containsOnly(1L);
        assertThat(perEventAndDevice.keySet().stream().map(key -> UUID.fromString(key.substring(key.indexOf(' ') + 1))))
                .isSubsetOf(events);
        // The last batch arrives before its transaction records it.
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "select count(*) from push_deliveries where event_id = any($1) and state = 'sent'",
                (Object) events.toArray(UUID[]::new)) == DEVICES * ALARMS);
        assertThat(service.refusals()).isEmpty();
    }

    @Test
    void oneRoundOfTheSenderSendsAFullBatchPerPassAtOnceEachPushOnce() {
        LocalPushService service = PushServicesResource.pushService();
        PushFixtures fixtures = new PushFixtures(pool);
        UUID raiser = fixtures.syntheticUser("Meier");
        UUID room = fixtures.room(raiser);
        List<Subscriptions> phones = fixtures.phonesOfNewMembers(room, service, DEVICES);
        int alarms = 50;
        loop.stop();
        try {
            for (int i = 0; i < alarms; i++) {
                fixtures.alarmRaised(room, Ids.newId(), raiser, "Meier");
            }
            while (consumer.consume() > 0) {
                // Plans every alarm before the sender's round.
            }
            int pushes = config.sendingPasses() * config.batchSize();
            long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            assertThat(sender.send()).isEqualTo(pushes);
            long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
            assertThat(delivered(service, phones)).isEqualTo(pushes);
            // The JDK's HttpClient started one per answer on two cores (PushHttp says why).
            assertThat(threadsStarted).as("threads started for %d pushes", pushes).isLessThan(pushes / 10);
        } finally {
            loop.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(service, phones) >= DEVICES * alarms);
        Map<String, Long> perEventAndDevice = service.arrivalsPerEventAndDevice(phones);
        assertThat(perEventAndDevice).hasSize(DEVICES * alarms);
        assertThat(perEventAndDevice.values()).containsOnly(1L);
    }

    private static int delivered(LocalPushService service, List<Subscriptions> phones) {
        return phones.stream().map(service::receivedBy).map(List::size).mapToInt(Integer::intValue).sum();
    }
}
