package de.lagebild.layers.features;

import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Features of layers in a bbox, as GeoJSON made by PostGIS: the database writes each feature's JSON
 * and joins them, so the function only frames the collection. Per layer at most {@code limit}
 * features, in a stable order (by id); one more is looked at to tell whether there are more.
 */
@ApplicationScoped
public class FeatureQuery {

    /** The features of each layer, in the order the request named them. */
    public record Result(List<FeatureLayer> layers, List<String> featureJson) {
    }

    private static final String VERSIONS = """
            select w.id, l.content_version
            from unnest($1::text[]) with ordinality as w(id, position) left join layers l on l.id = w.id
            order by w.position""";

    private static final String FEATURES = """
            select w.id, l.name, l.attribution, l.content_version, h.hits, h.features
            from unnest($1::text[]) with ordinality as w(id, position)
            left join layers l on l.id = w.id
            left join lateral (
              select count(*) as hits,
                     coalesce(string_agg(t.feature, ',' order by t.id) filter (where t.n <= $6), '') as features
              from (
                select c.id, row_number() over (order by c.id) as n,
                       '{"type":"Feature",' || coalesce('"id":' || to_json(c.external_id)::text || ',', '')
                       || '"layer":"' || l.id || '","geometry":' || st_asgeojson(c.geom, 7)
                       || ',"properties":' || c.properties::text || '}' as feature
                from (
                  select f.id, f.external_id, f.properties, f.geom
                  from layer_features f
                  where f.layer_id = l.id
                    and f.geom && st_makeenvelope($2, $3, $4, $5, 4326)
                    and st_intersects(f.geom, st_makeenvelope($2, $3, $4, $5, 4326))
                  order by f.id
                  limit $6 + 1
                ) c
              ) t
            ) h on true
            order by w.position""";

    private final Pool pool;

    public FeatureQuery(Pool pool) {
        this.pool = pool;
    }

    /** The layers' content versions, "id@version,..." for the ETag; 404 when a layer does not exist. */
    public Uni<String> versions(List<String> layerIds) {
        return pool.preparedQuery(VERSIONS).execute(Tuple.of(layerIds.toArray(String[]::new))).map(rows -> {
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

    public Uni<Result> features(List<String> layerIds, BoundingBox box, int limit) {
        Tuple params = Tuple.tuple().addArrayOfString(layerIds.toArray(String[]::new))
                .addDouble(box.minLon()).addDouble(box.minLat()).addDouble(box.maxLon()).addDouble(box.maxLat())
                .addInteger(limit);
        return pool.preparedQuery(FEATURES).execute(params).map(rows -> {
            List<FeatureLayer> layers = new ArrayList<>();
            List<String> features = new ArrayList<>();
            for (Row row : rows) {
                if (row.getLong("content_version") == null) {
                    throw ProblemException.notFound("layer " + row.getString("id"));
                }
                long hits = row.getLong("hits");
                layers.add(new FeatureLayer(row.getString("id"), row.getString("name"), row.getString("attribution"),
                        row.getLong("content_version"), (int) Math.min(hits, limit), hits > limit));
                String json = row.getString("features");
                if (!json.isEmpty()) {
                    features.add(json);
                }
            }
            return new Result(layers, features);
        });
    }
}
