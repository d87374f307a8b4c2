package de.lagebild.layers.features;

import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Features of layers in a bbox as a GeoJSON FeatureCollection written whole by PostgreSQL: each
 * feature's JSON is kept ready in {@code layer_features.feature_json} (V5), so a map view costs the
 * database an index scan and a string concatenation, and the function no JSON work. Per layer at
 * most {@code limit} features in a stable order (by id); one more is looked at to tell whether the
 * layer has more.
 * The content versions come from the same statement, so the ETag matches the features exactly.
 */
@ApplicationScoped
public class FeatureQuery {

    /** The FeatureCollection and the "id@version,..." it was read at. */
    public record Result(String body, String versions) {
    }

    private static final String VERSIONS = """
            select w.id, l.content_version
            from unnest($1::text[]) with ordinality as w(id, position) left join layers l on l.id = w.id
            order by w.position""";

    private static final String FEATURES = """
            with per_layer as (
              select w.position, w.id, l.name, l.attribution, l.content_version, h.hits, h.features
              from unnest($1::text[]) with ordinality as w(id, position)
              left join layers l on l.id = w.id
              left join lateral (
                select count(*) as hits,
                       string_agg(c.feature_json, ',' order by c.id) filter (where c.n <= $6) as features
                from (
                  select f.id, f.feature_json, row_number() over (order by f.id) as n
                  from layer_features f
                  where f.layer_id = l.id
                    and f.geom && st_makeenvelope($2, $3, $4, $5, 4326)
                    and st_intersects(f.geom, st_makeenvelope($2, $3, $4, $5, 4326))
                  order by f.id
                  limit $6 + 1
                ) c
              ) h on true
            )
            select (array_agg(id order by position) filter (where content_version is null))[1] as missing,
                   string_agg(id || '@' || content_version, ',' order by position) as versions,
                   '{"type":"FeatureCollection","limit":' || $6
                     || ',"truncated":' || bool_or(coalesce(hits > $6, false))
                     || ',"layers":' || json_agg(json_build_object('id', id, 'name', name, 'attribution', attribution,
                                         'contentVersion', content_version, 'returned', least(hits, $6),
                                         'truncated', hits > $6) order by position)::text
                     || ',"features":[' || coalesce(string_agg(features, ',' order by position), '') || ']}' as body
            from per_layer""";

    private final Pool pool;

    public FeatureQuery(Pool pool) {
        this.pool = pool;
    }

    /** The layers' content versions, "id@version,..." for the ETag; 404 when a layer does not exist. */
    public Uni<String> versions(String[] layerIds) {
        return pool.preparedQuery(VERSIONS).execute(Tuple.of(layerIds)).map(rows -> {
            StringBuilder versions = new StringBuilder();
            for (Row row : rows) {
                Long version = row.getLong("content_version");
                if (version == null) {
                    throw ProblemException.notFound("layer " + row.getString("id"));
                }
                versions.append(versions.length() == 0 ? "" : ",").append(row.getString("id")).append('@').append(version);
            }
            return versions.toString();
        });
    }

    public Uni<Result> features(String[] layerIds, BoundingBox box, int limit) {
        Tuple params = Tuple.tuple().addArrayOfString(layerIds)
                .addDouble(box.minLon()).addDouble(box.minLat()).addDouble(box.maxLon()).addDouble(box.maxLat())
                .addInteger(limit);
        return pool.preparedQuery(FEATURES).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            String missing = row.getString("missing");
            if (missing != null) {
                throw ProblemException.notFound("layer " + missing);
            }
            return new Result(row.getString("body"), row.getString("versions"));
        });
    }
}
