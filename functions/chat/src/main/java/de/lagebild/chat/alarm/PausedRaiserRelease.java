package de.lagebild.chat.alarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.bus.Bus;
import de.lagebild.common.positions.PositionBatch;
import de.lagebild.common.positions.PositionPayloads;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * An officer who had paused sharing is shown while their alarm is active (the positions function
 * stores their fixes then). Once their last active alarm has ended the pause holds again: they
 * leave the live maps at once, with the same {@code gone} on the positions channel that pausing sends.
 */
@ApplicationScoped
public class PausedRaiserRelease {

    private static final String PAUSED_WITHOUT_ALARM = """
            select 1 from users u where u.id = $1 and u.sharing_paused_at is not null
               and not exists (select 1 from alarms a where a.raised_by = u.id and a.state in ('raised', 'acknowledged'))""";

    private final Pool pool;
    private final Bus bus;
    private final ObjectMapper json;

    public PausedRaiserRelease(Pool pool, Bus bus, ObjectMapper json) {
        this.pool = pool;
        this.bus = bus;
        this.json = json;
    }

    /** Call after an alarm of the raiser ended (committed). */
    public Uni<Void> afterAlarmEnded(UUID raiserId) {
        return pool.preparedQuery(PAUSED_WITHOUT_ALARM).execute(Tuple.of(raiserId)).flatMap(rows -> rows.size() == 0
                ? Uni.createFrom().voidItem()
                : Multi.createFrom().iterable(PositionPayloads.split(json, List.of(), List.of(raiserId), Bus.MAX_PAYLOAD_BYTES))
                        .onItem().transformToUniAndConcatenate(payload -> bus.publish(PositionBatch.CHANNEL, payload))
                        .collect().last().replaceWithVoid())
                // The alarm has ended either way; a lost `gone` only leaves the last fix on a live map until it reloads.
                .onFailure().invoke(failure -> Log.warnf("could not take a paused raiser off the maps: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
