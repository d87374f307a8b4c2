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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The search in one statement over the messages' search vectors (migration V19): the page's hits
 * by rank from the GIN index on (chat, lexemes), then their content and highlighted passage, which
 * ts_headline makes only for the page.
 */
@ApplicationScoped
public class SearchStatement {

    private static final String HEADLINE_OPTIONS = "MaxFragments=2, MaxWords=24, MinWords=8, ShortWord=1, "
            + "FragmentDelimiter=\" … \", StartSel=\"" + Snippet.START + "\", StopSel=\"" + Snippet.STOP + "\"";
    private static final String RANK = "ts_rank(m.search, search_query($2))";

    private final Pool pool;

    public SearchStatement(Pool pool) {
        this.pool = pool;
    }

    public Uni<SearchPage> run(List<UUID> chats, SearchRequest request) {
        List<Object> params = new ArrayList<>(List.of(chats.toArray(UUID[]::new), request.q()));
        StringBuilder where = new StringBuilder("m.chat_id = any($1) and m.search @@ search_query($2)");
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
        if (request.cursor() != null) {
            where.append(" and (").append(RANK).append(", m.id) < (")
                    .append(param(params, request.cursor().rank())).append("::real, ")
                    .append(param(params, request.cursor().id())).append(")");
        }
        String limit = param(params, request.limit() + 1);
        String sql = """
                with hits as (
                  select m.id, %s as rank
                    from messages m%s
                   where %s
                   order by rank desc, m.id desc
                   limit %s)
                select h.rank, m.id, m.chat_id, m.room_id, m.seq, m.kind, m.author_id, m.posted_as, m.priority,
                       m.ack_requested, m.body,
                       m.poi_id, m.attachment_id, m.lat, m.lon, m.accuracy_m, m.created_at, m.edited_at,
                       u.display_name, u.unit, p.lat as poi_lat, p.lon as poi_lon,
                       ts_headline('lagebild_german',
                                   translate(concat_ws(' · ', m.body, p.name, nullif(p.description, ''), a.file_name),
                                             %s, ''),
                                   search_headline_query($2), %s) as snippet
                  from hits h
                  join messages m on m.id = h.id
                  join users u on u.id = m.author_id
                  left join pois p on p.id = m.poi_id and p.deleted_at is null
                  left join attachments a on a.id = m.attachment_id
                 order by h.rank desc, h.id desc""".formatted(RANK, located, where, limit,
                param(params, "" + Snippet.START + Snippet.STOP), param(params, HEADLINE_OPTIONS));
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> page(rows, request.limit()));
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private static SearchPage page(RowSet<Row> rows, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        boolean more = false;
        for (Row row : rows) {
            if (hits.size() == limit) {
                more = true;
                break;
            }
            hits.add(hit(row));
        }
        String next = null;
        if (more) {
            SearchHit last = hits.get(hits.size() - 1);
            next = new SearchCursor(last.rank(), last.message().id()).encode();
        }
        return new SearchPage(hits, next);
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
