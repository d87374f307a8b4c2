package de.lagebild.push.settings;

import de.lagebild.common.access.AccessControl;
import de.lagebild.common.access.Permission;
import de.lagebild.common.identity.Actor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A user's duty switch and muted chats; both are idempotent by the state asked for. */
@ApplicationScoped
public class PushSettings {

    private static final String SET_DUTY = """
            insert into push_duty (user_id, off_duty, changed_at) values ($1, $2, $3)
            on conflict (user_id) do update set off_duty = excluded.off_duty,
              changed_at = case when push_duty.off_duty = excluded.off_duty then push_duty.changed_at
                                else excluded.changed_at end
            returning off_duty, changed_at""";
    private static final String DUTY = "select off_duty, changed_at from push_duty where user_id = $1";
    private static final String MUTE = """
            insert into push_chat_mutes (user_id, chat_id, muted_at) values ($1, $2, $3) on conflict do nothing""";
    private static final String UNMUTE = "delete from push_chat_mutes where user_id = $1 and chat_id = $2";

    private final Pool pool;
    private final AccessControl access;

    public PushSettings(Pool pool, AccessControl access) {
        this.pool = pool;
        this.access = access;
    }

    public Uni<DutyView> setDuty(Actor actor, boolean onDuty) {
        return pool.preparedQuery(SET_DUTY).execute(Tuple.of(actor.id(), !onDuty, now()))
                .map(rows -> dutyOf(rows.iterator().next()));
    }

    public Uni<DutyView> duty(Actor actor) {
        return pool.preparedQuery(DUTY).execute(Tuple.of(actor.id()))
                .map(rows -> rows.iterator().hasNext() ? dutyOf(rows.iterator().next()) : new DutyView(true, null));
    }

    /** Members with read only: a non-member learns nothing about the chat (404). */
    public Uni<MuteView> mute(Actor actor, UUID chatId, boolean muted) {
        return Panache.withSession(() -> access.chatMember(chatId, actor, Permission.READ))
                .flatMap(member -> pool.preparedQuery(muted ? MUTE : UNMUTE)
                        .execute(muted ? Tuple.of(actor.id(), chatId, now()) : Tuple.of(actor.id(), chatId)))
                .map(rows -> new MuteView(chatId, muted));
    }

    private static DutyView dutyOf(Row row) {
        return new DutyView(!row.getBoolean("off_duty"), row.getOffsetDateTime("changed_at"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
