package de.lagebild.chat.search;

import de.lagebild.common.messages.MessageKind;
import de.lagebild.common.messages.MessagePriority;
import de.lagebild.common.messages.MessageView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One window of a search in one statement over the messages' search vectors (migration V19): the
 * window's matches from the GIN index on (chat, lexemes), newest first, ranked, the hits after the
 * cursor best first, then their content and highlighted passage, which ts_headline makes only for
 * the hits returned. The query is made from the text once per statement: written inline, a generic
 * plan of the prepared statement would make it again for every match it ranks.
 */
@ApplicationScoped
public class SearchStatement {

    private static final String HEADLINE_OPTIONS = "MaxFragments=2, MaxWords=24, MinWords=8, ShortWord=1, "
            + "FragmentDelimiter=\" … \", StartSel=\"" + Snippet.START + "\", StopSel=\"" + Snippet.STOP + "\"";

    private final Pool pool;
    private final SearchConfig config;

    public SearchStatement(Pool pool, SearchConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** The newest window of matches older than {@code before} (all when null), its best {@code rows} hits. */
    public Uni<RankedHits> rankNewest(List<UUID> chats, SearchRequest request, MessageKey before, int rows) {
        return run(chats, request, new SearchWindow(before, null), true, null, rows);
    }

    /** The hits of a window ranked before, after the cursor's last result (from its best when none). */
    public Uni<RankedHits> rankWithin(List<UUID> chats, SearchRequest request, SearchCursor cursor, int rows) {
        return run(chats, request, cursor.window(), false, cursor, rows);
    }

    private Uni<RankedHits> run(List<UUID> chats, SearchRequest request, SearchWindow window, boolean newest,
            SearchCursor after, int rows) {
        List<Object> params = new ArrayList<>(List.of(chats.toArray(UUID[]::new), request.q()));
        StringBuilder where = new StringBuilder("m.chat_id = any($1) and m.search @@ (select query from q)");
        if (request.authorId() != null) {
            where.append(" and m.author_id = ").append(param(params, request.authorId()));
        }
        if (request.from() != null) {
            where.append(" and m.created_at >= ").append(param(params, request.from()));
        }
        if (request.to() != null) {
            where.append(" and m.created_at < ").append(param(params, request.to()));
        }
        String located = "";
        if (request.bbox() != null) {
            BoundingBox box = request.bbox();
            located = " join pois lp on lp.id = m.poi_id and lp.deleted_at is null";
            where.append(" and lp.lon between ").append(param(params, box.minLon()))
                    .append(" and ").append(param(params, box.maxLon()))
                    .append(" and lp.lat between ").append(param(params, box.minLat()))
                    .append(" and ").append(param(params, box.maxLat()));
        }
        if (window.before() != null) {
            where.append(" and (m.created_at, m.id) < (").append(param(params, window.before().createdAt()))
                    .append("::timestamptz, ").append(param(params, window.before().id())).append("::uuid)");
        }
        if (!newest && window.from() != null) {
            where.append(" and (m.created_at, m.id) >= (").append(param(params, window.from().createdAt()))
                    .append("::timestamptz, ").append(param(params, window.from().id())).append("::uuid)");
        }
        String size = newest ? " limit " + param(params, config.rankedWindow()) : "";
        String afterCursor = after == null || after.startsWindow() ? "" : " where (r.rank, r.id) < ("
                + param(params, after.rank()) + "::real, " + param(params, after.id()) + "::uuid)";
        // The oldest match of a full window is where it ends; a window with fewer matches reaches the oldest.
        String edge = newest ? """
                (select o.created_at from win o order by o.created_at, o.id limit 1) as edge_at,
                (select o.id from win o order by o.created_at, o.id limit 1) as edge_id,
                (select count(*) from win) as window_size"""
                : "null::timestamptz as edge_at, null::uuid as edge_id, 0::bigint as window_size";
        String limit = param(params, rows);
        String sql = """
                with q as materialized (select search_query($2) as query),
                win as (
                  select m.id, m.created_at, m.search
                    from messages m%s
                   where %s
                   order by m.created_at desc, m.id desc%s),
                hits as (
                  select r.id, r.rank
                    from (select w.id, ts_rank(w.search, (select query from q)) as rank from win w) r%s
                   order by r.rank desc, r.id desc
                   limit %s)
                select h.rank, m.id, m.chat_id, m.room_id, m.seq, m.kind, m.author_id, m.posted_as, m.priority,
                       m.ack_requested, m.body,
                       m.poi_id, m.attachment_id, m.lat, m.lon, m.accuracy_m, m.created_at, m.edited_at,
                       u.display_name, u.unit, p.lat as poi_lat, p.lon as poi_lon,
                       ts_headline('lagebild_german',
                                   translate(concat_ws(' · ', m.body, p.name, nullif(p.description, ''), a.file_name),
                                             %s, ''),
                                   search_headline_query($2), %s) as snippet,
                       %s
                  from hits h
                  join messages m on m.id = h.id
                  join users u on u.id = m.author_id
                  left join pois p on p.id = m.poi_id and p.deleted_at is null
                  left join attachments a on a.id = m.attachment_id
                 order by h.rank desc, h.id desc""".formatted(located, where, size, afterCursor, limit,
                param(params, "" + Snippet.START + Snippet.STOP), param(params, HEADLINE_OPTIONS), edge);
        return pool.preparedQuery(sql).execute(Tuple.from(params))
                .map(found -> ranked(found, newest ? null : window, window.before()));
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    /** The hits and their window: as given, or, for a newest window, ending at its oldest match when full. */
    private RankedHits ranked(RowSet<Row> rows, SearchWindow known, MessageKey before) {
        List<SearchHit> hits = new ArrayList<>();
        SearchWindow window = known == null ? new SearchWindow(before, null) : known;
        for (Row row : rows) {
            if (known == null && row.getLong("window_size") == config.rankedWindow()) {
                OffsetDateTime edgeAt = row.getOffsetDateTime("edge_at");
                window = new SearchWindow(before, new MessageKey(edgeAt, row.getUUID("edge_id")));
            }
            hits.add(hit(row));
        }
        return new RankedHits(window, hits);
    }

    private static SearchHit hit(Row row) {
        Double lat = row.getDouble("lat");
        MessageView.Location location = lat == null ? null
                : new MessageView.Location(lat, row.getDouble("lon"), row.getDouble("accuracy_m"));
        MessageView message = new MessageView(row.getUUID("id"), row.getUUID("chat_id"), row.getUUID("room_id"),
                row.getLong("seq"), MessageKind.fromWire(row.getString("kind")),
                new MessageView.Author(row.getUUID("author_id"), row.getString("display_name"), row.getString("unit")),
                row.getString("posted_as"), priorityOf(row), row.getBoolean("ack_requested") ? Boolean.TRUE : null,
                row.getString("body"), row.getUUID("poi_id"), row.getUUID("attachment_id"),
                location, row.getOffsetDateTime("created_at"), row.getOffsetDateTime("edited_at"), null);
        SearchHit.Position position = row.getDouble("poi_lat") == null ? null
                : new SearchHit.Position(row.getDouble("poi_lat"), row.getDouble("poi_lon"));
        return new SearchHit(message, row.getFloat("rank"), Snippet.ofMarked(row.getString("snippet")), position);
    }

    /** As in every message answer: left out when normal. */
    private static MessagePriority priorityOf(Row row) {
        MessagePriority priority = MessagePriority.fromWire(row.getString("priority"));
        return priority == MessagePriority.NORMAL ? null : priority;
    }
}
