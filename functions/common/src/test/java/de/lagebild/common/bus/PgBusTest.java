package de.lagebild.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.lagebild.common.testing.TestDatabase;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bus against the real PostgreSQL: across connections, and across a killed listening connection. */
class PgBusTest {

    private Vertx vertx;
    private Pool listenerSide;
    private Pool publisherSide;

    @BeforeEach
    void connect() {
        vertx = Vertx.vertx();
        listenerSide = pool();
        publisherSide = pool();
    }

    @AfterEach
    void close() {
        listenerSide.closeAndAwait();
        publisherSide.closeAndAwait();
        vertx.closeAndAwait();
    }

    @Test
    void notificationReachesListenerOnAnotherConnectionAndAgainAfterItsConnectionIsKilled() throws Exception {
        String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
        PgBus listener = new PgBus(listenerSide, vertx, TestDatabase.connectOptions(), 100);
        PgBus publisher = new PgBus(publisherSide, vertx, TestDatabase.connectOptions(), 100);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        AtomicInteger listening = new AtomicInteger();
        listener.subscribe(channel, received::add, listening::incrementAndGet);

        await().atMost(Duration.ofSeconds(10)).until(() -> listening.get() == 1);
        publisher.publish(channel, "room-1:1").await().atMost(Duration.ofSeconds(5));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("room-1:1");

        int killed = publisherSide.preparedQuery(
                        "select pg_terminate_backend(pid) from pg_stat_activity where query = $1")
                .execute(Tuple.of("LISTEN \"" + channel + "\""))
                .await().atMost(Duration.ofSeconds(5)).size();
        assertThat(killed).as("listening backends terminated").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> listening.get() == 2);
        publisher.publish(channel, "room-1:2").await().atMost(Duration.ofSeconds(5));
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("room-1:2");
        listener.close();
    }

    @Test
    void refusesPayloadsOverTheLimit() {
        PgBus bus = new PgBus(publisherSide, vertx, TestDatabase.connectOptions(), 100);
        String tooLarge = "x".repeat(Bus.MAX_PAYLOAD_BYTES + 1);
        Throwable failure = bus.publish("test_limit", tooLarge).onItem().transform(ignored -> (Throwable) null)
                .onFailure().recoverWithItem(f -> f).await().atMost(Duration.ofSeconds(5));
        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    }

    private Pool pool() {
        return Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(TestDatabase.connectOptions())
                .using(vertx.getDelegate())
                .build());
    }
}
