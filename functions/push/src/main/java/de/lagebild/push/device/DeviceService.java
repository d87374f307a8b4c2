package de.lagebild.push.device;

import de.lagebild.common.Ids;
import de.lagebild.common.identity.Actor;
import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.writes.WriteResult;
import de.lagebild.push.webpush.P256;
import de.lagebild.push.webpush.PreparedAgreements;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user's push targets. Registering is idempotent by the target itself (a Web Push endpoint, a
 * gateway app id and pushkey): the use case locks the user's row, so identical requests at once
 * make one row, and the cap holds. A target registered by another user before (a shared device
 * signed in by someone else) moves to the caller.
 */
@ApplicationScoped
public class DeviceService {

    private static final String COLUMNS = "id, user_id, kind, endpoint, p256dh, auth, app_id, created_at";
    private static final String LOCK_USER = "select id from users where id = $1 for update";
    private static final String COUNT = "select count(*) from push_devices where user_id = $1";
    private static final String WEB_PUSH_TARGET = "select " + COLUMNS + " from push_devices where endpoint = $1 for update";
    private static final String GATEWAY_TARGET = "select " + COLUMNS
            + " from push_devices where app_id = $1 and pushkey = $2 for update";
    private static final String INSERT_WEB_PUSH = """
            insert into push_devices (id, user_id, kind, endpoint, p256dh, auth, created_at)
            values ($1, $2, 'web_push', $3, $4, $5, $6)
            on conflict do nothing returning""" + " " + COLUMNS;
    private static final String INSERT_GATEWAY = """
            insert into push_devices (id, user_id, kind, app_id, pushkey, created_at)
            values ($1, $2, 'gateway', $3, $4, $5)
            on conflict do nothing returning""" + " " + COLUMNS;
    private static final String UPDATE_KEYS = "update push_devices set p256dh = $2, auth = $3 where id = $1";
    private static final String MOVE = "update push_devices set user_id = $2, p256dh = $3, auth = $4, created_at = $5 "
            + "where id = $1 returning " + COLUMNS;
    private static final String LIST = "select " + COLUMNS + " from push_devices where user_id = $1 order by created_at, id";
    private static final String DELETE = "delete from push_devices where id = $1 and user_id = $2";

    private final Pool pool;
    private final DevicesConfig config;
    private final TargetCheck check;
    private final PreparedAgreements agreements;

    public DeviceService(Pool pool, DevicesConfig config, TargetCheck check, PreparedAgreements agreements) {
        this.pool = pool;
        this.config = config;
        this.check = check;
        this.agreements = agreements;
    }

    public Uni<WriteResult<DeviceView>> register(Actor actor, WebPushSubscriptionRequest request) {
        check.check(request);
        String p256dh = request.keys().p256dh();
        String auth = request.keys().auth();
        return pool.withTransaction(connection -> lockUser(connection, actor)
                .flatMap(locked -> connection.preparedQuery(WEB_PUSH_TARGET).execute(Tuple.of(request.endpoint())))
                .flatMap(rows -> {
                    Row existing = first(rows);
                    if (existing == null) {
                        return withinCap(connection, actor).flatMap(ok -> connection.preparedQuery(INSERT_WEB_PUSH)
                                .execute(Tuple.of(Ids.newId(), actor.id(), request.endpoint(), p256dh, auth, now()))
                                .map(DeviceService::inserted));
                    }
                    if (!existing.getUUID("user_id").equals(actor.id())) {
                        return withinCap(connection, actor).flatMap(ok -> connection.preparedQuery(MOVE)
                                .execute(Tuple.of(existing.getUUID("id"), actor.id(), p256dh, auth, now()))
                                .map(moved -> WriteResult.created(viewOf(first(moved)))));
                    }
                    if (p256dh.equals(existing.getString("p256dh")) && auth.equals(existing.getString("auth"))) {
                        return Uni.createFrom().item(WriteResult.existing(viewOf(existing)));
                    }
                    return connection.preparedQuery(UPDATE_KEYS).execute(Tuple.of(existing.getUUID("id"), p256dh, auth))
                            .map(updated -> WriteResult.existing(viewOf(existing)));
                }))
                .invoke(registered -> agreements.prepare(registered.body().id(), P256.fromBase64Url(p256dh),
                        P256.fromBase64Url(auth)));
    }

    public Uni<WriteResult<DeviceView>> register(Actor actor, GatewayTargetRequest request) {
        check.check(request);
        return pool.withTransaction(connection -> lockUser(connection, actor)
                .flatMap(locked -> connection.preparedQuery(GATEWAY_TARGET)
                        .execute(Tuple.of(request.appId(), request.pushkey())))
                .flatMap(rows -> {
                    Row existing = first(rows);
                    if (existing == null) {
                        return withinCap(connection, actor).flatMap(ok -> connection.preparedQuery(INSERT_GATEWAY)
                                .execute(Tuple.of(Ids.newId(), actor.id(), request.appId(), request.pushkey(), now()))
                                .map(DeviceService::inserted));
                    }
                    if (!existing.getUUID("user_id").equals(actor.id())) {
                        return withinCap(connection, actor).flatMap(ok -> connection.preparedQuery(MOVE)
                                .execute(Tuple.of(existing.getUUID("id"), actor.id(), null, null, now()))
                                .map(moved -> WriteResult.created(viewOf(first(moved)))));
                    }
                    return Uni.createFrom().item(WriteResult.existing(viewOf(existing)));
                }));
    }

    public Uni<List<DeviceView>> list(Actor actor) {
        return pool.preparedQuery(LIST).execute(Tuple.of(actor.id())).map(rows -> {
            List<DeviceView> views = new ArrayList<>();
            rows.forEach(row -> views.add(viewOf(row)));
            return views;
        });
    }

    /** Removes one of the caller's targets; another user's target is not found, like one that never was. */
    public Uni<Void> remove(Actor actor, UUID deviceId) {
        return pool.preparedQuery(DELETE).execute(Tuple.of(deviceId, actor.id())).invoke(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("push device");
            }
            agreements.forget(deviceId);
        }).replaceWithVoid();
    }

    private static Uni<RowSet<Row>> lockUser(SqlConnection connection, Actor actor) {
        return connection.preparedQuery(LOCK_USER).execute(Tuple.of(actor.id()));
    }

    private Uni<Boolean> withinCap(SqlConnection connection, Actor actor) {
        return connection.preparedQuery(COUNT).execute(Tuple.of(actor.id())).map(rows -> {
            if (rows.iterator().next().getLong(0) >= config.maxPerUser()) {
                throw ProblemException.conflict("at most " + config.maxPerUser()
                        + " push devices per user: remove one first");
            }
            return true;
        });
    }

    /** Another user registered the same target in the same moment: the caller may retry. */
    private static WriteResult<DeviceView> inserted(RowSet<Row> rows) {
        Row row = first(rows);
        if (row == null) {
            throw ProblemException.conflict("the target was registered at the same moment by another user; try again");
        }
        return WriteResult.created(viewOf(row));
    }

    private static Row first(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? rows.iterator().next() : null;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static DeviceView viewOf(Row row) {
        return new DeviceView(row.getUUID("id"), DeviceKind.fromWire(row.getString("kind")), row.getString("endpoint"),
                row.getString("app_id"), row.getOffsetDateTime("created_at"));
    }
}
