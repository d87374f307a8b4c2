package de.lagebild.common.bus;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgChannel;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The bus over PostgreSQL LISTEN/NOTIFY. One listening connection per instance, opened on the
 * first subscription; it reconnects by itself after the database restarts, and each channel's
 * listeners are told when they listen again so they can catch up.
 */
@ApplicationScoped
public class PgBus implements Bus {

    private final Pool pool;
    private final Vertx vertx;
    private final PgConnectOptions listenOptions;
    private final long reconnectDelayMillis;
    private PgSubscriber subscriber;

    @Inject
    public PgBus(Pool pool, Vertx vertx, BusConfig config) {
        this(pool, vertx, PgConnectOptions.fromUri(config.url())
                .setUser(config.username())
                .setPassword(config.password()), config.reconnectDelay().toMillis());
    }

    public PgBus(Pool pool, Vertx vertx, PgConnectOptions listenOptions, long reconnectDelayMillis) {
        this.pool = pool;
        this.vertx = vertx;
        this.listenOptions = listenOptions;
        this.reconnectDelayMillis = reconnectDelayMillis;
    }

    @Override
    public Uni<Void> publish(String channel, String payload) {
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "bus payload exceeds " + MAX_PAYLOAD_BYTES + " bytes; split it"));
        }
        return pool.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(channel, payload)).replaceWithVoid();
    }

    @Override
    public synchronized Subscription subscribe(String channel, Consumer<String> onMessage, Runnable onListening) {
        PgChannel pgChannel = subscriber().channel(channel)
                .subscribeHandler(onListening)
                .handler(onMessage);
        return () -> pgChannel.getDelegate().handler(null);
    }

    private PgSubscriber subscriber() {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, listenOptions)
                    .reconnectPolicy(attempt -> reconnectDelayMillis);
            subscriber.closeHandler(() -> Log.warn("bus listener closed"));
            connect();
        }
        return subscriber;
    }

    /** The first connection is retried here; later losses are handled by the reconnect policy. */
    private void connect() {
        subscriber.connect().subscribe().with(
                ignored -> Log.debug("bus listening"),
                failure -> {
                    Log.warnf("bus cannot listen yet (%s), retrying", failure.getMessage());
                    vertx.setTimer(reconnectDelayMillis, id -> connect());
                });
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.closeAndForget();
            subscriber = null;
        }
    }
}
