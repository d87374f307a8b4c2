package de.lagebild.chat.unitstatus;

import de.lagebild.common.unitstatus.UnitStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A room's status board and a member's status history, with the reactive PG client. */
@ApplicationScoped
public class UnitStatusReads {

    /** Each member's change with the highest seq: the last in the room's log, so the current one. */
    private static final String BOARD = """
            select m.user_id, u.display_name, u.unit, c.code, c.short_label, c.label, c.urgent, c.set_at, c.seq
              from room_members m
              join users u on u.id = m.user_id
              left join lateral (
                select * from unit_status_changes c where c.room_id = m.room_id and c.user_id = m.user_id
                 order by c.seq desc limit 1) c on true
             where m.room_id = $1
             order by u.display_name, u.id""";
    private static final String HISTORY = """
            select c.id, c.code, c.short_label, c.label, c.urgent, c.set_at, c.seq,
                   array(select a.request_id from unit_status_answers a where a.change_id = c.id
                          order by a.request_id) as answers
              from unit_status_changes c
             where c.room_id = $1 and c.user_id = $2
             order by c.seq desc
             limit $3""";

    private final Pool pool;

    public UnitStatusReads(Pool pool) {
        this.pool = pool;
    }

    public Uni<StatusBoardView> board(UUID roomId) {
        return pool.preparedQuery(BOARD).execute(Tuple.of(roomId)).map(rows -> {
            List<StatusBoardEntry> members = new ArrayList<>();
            for (Row row : rows) {
                boolean set = row.getString("code") != null;
                members.add(new StatusBoardEntry(row.getUUID("user_id"), row.getString("display_name"),
                        row.getString("unit"), set ? statusOf(row) : null,
                        set ? row.getOffsetDateTime("set_at") : null, set ? row.getLong("seq") : null));
            }
            return new StatusBoardView(roomId, members);
        });
    }

    /** The member's changes in the room, newest first. */
    public Uni<List<UnitStatusChangeView>> history(UUID roomId, UUID userId, int limit) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(roomId, userId, limit)).map(rows -> {
            List<UnitStatusChangeView> changes = new ArrayList<>();
            for (Row row : rows) {
                changes.add(new UnitStatusChangeView(row.getUUID("id"), roomId, userId, statusOf(row),
                        row.getOffsetDateTime("set_at"), row.getLong("seq"),
                        Arrays.asList(row.getArrayOfUUIDs("answers"))));
            }
            return changes;
        });
    }

    private static UnitStatus statusOf(Row row) {
        return new UnitStatus(row.getString("code"), row.getString("short_label"), row.getString("label"),
                row.getBoolean("urgent"));
    }
}
