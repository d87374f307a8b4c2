package de.lagebild.layers.imports;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of an import: lock the layer, empty it, store batches of features, and publish the new
 * content. All of it runs on one connection in one transaction, so readers see the old layer until
 * the commit and the new one after it (MVCC), never a part. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class FeatureStore {

    /** Serialises imports of one layer; readers are not blocked by the row lock. */
    private static final String LOCK = "select id from layers where id = $1 for update";

    private static final String CLEAR = "delete from layer_features where layer_id = $1";

    // layer_feature_geometry parses, repairs and reprojects each geometry and never raises, so one bad
    // feature is reported instead of aborting the transaction.
    private static final String STORE = """
            with input as (
              select * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::boolean[])
                as i(number, external_id, properties, format, data, srid, flip)
            ), parsed as materialized (
              select i.number, i.external_id, i.properties, g.geom, g.outcome, g.reason
              from input i cross join lateral layer_feature_geometry(i.format, i.data, i.srid, i.flip) g
            ), stored as (
              insert into layer_features (layer_id, external_id, properties, geom)
              select $1, external_id, properties::jsonb, geom from parsed where geom is not null order by number
            )
            select number, outcome, reason from parsed where outcome <> 'stored' order by number""";

    private static final String PUBLISH = """
            update layers set feature_count = $2, content_version = nextval('layer_content_version'),
                              last_import_at = now(), content_sha256 = $3
            where id = $1
            returning content_version""";

    /** A feature that PostGIS rejected or repaired. */
    public record Outcome(int number, String outcome, String reason) {
    }

    private final DatabaseWait database;

    public FeatureStore(DatabaseWait database) {
        this.database = database;
    }

    /** Bounds the transaction's statements, locks the layer against other imports and empties it. */
    public void lockAndClear(SqlConnection connection, String layerId) {
        database.limitTransaction(connection);
        database.on(connection.preparedQuery(LOCK).execute(Tuple.of(layerId)));
        database.on(connection.preparedQuery(CLEAR).execute(Tuple.of(layerId)));
    }

    /** Stores the batch; returns the features that were not stored as they came. */
    List<Outcome> store(SqlConnection connection, String layerId, FeatureBatch batch) {
        RowSet<Row> rows = database.on(connection.preparedQuery(STORE).execute(batch.toTuple(layerId)));
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            outcomes.add(new Outcome(row.getInteger("number"), row.getString("outcome"), row.getString("reason")));
        }
        return outcomes;
    }

    /** Makes the new content the layer's; returns its new content version. */
    public long publish(SqlConnection connection, String layerId, int featureCount, String contentSha256) {
        return database.on(connection.preparedQuery(PUBLISH).execute(Tuple.of(layerId, featureCount, contentSha256)))
                .iterator().next().getLong("content_version");
    }
}
