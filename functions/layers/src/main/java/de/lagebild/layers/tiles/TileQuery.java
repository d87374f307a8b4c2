package de.lagebild.layers.tiles;

import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A layer's features in one tile as a Mapbox Vector Tile made by PostGIS (ST_AsMVT). The MVT layer
 * is named after the layer id; each feature carries its properties as attributes.
 */
@ApplicationScoped
public class TileQuery {

    /** The tile, the layer's content version it was cut from, and whether features were left out. */
    public record Tile(Buffer bytes, long contentVersion, boolean truncated) {
    }

    // The features are found by the GiST index on their Web Mercator copy (V5) with the tile's envelope
    // and its buffer, and clipped by ST_AsMVTGeom: no reprojection per request.
    private static final String TILE = """
            with area as (
              select env, st_expand(env, (st_xmax(env) - st_xmin(env)) * $7::int / $6::int) as box
              from st_tileenvelope($2, $3, $4) as env
            ), hits as (
              select f.id, f.properties, f.geom_mercator
              from layer_features f, area
              where f.layer_id = $1 and f.geom_mercator && area.box
              order by f.id
              limit $5 + 1
            )
            select l.content_version,
                   (select count(*) from hits) as hits,
                   (select st_asmvt(t, $1, $6::int, 'geom', 'id') from (
                      select h.id, h.properties, st_asmvtgeom(h.geom_mercator, area.env, $6::int, $7::int, true) as geom
                      from hits h, area
                      order by h.id
                      limit $5
                    ) t where t.geom is not null) as tile
            from layers l where l.id = $1""";

    private final Pool pool;
    private final TileConfig config;

    public TileQuery(Pool pool, TileConfig config) {
        this.pool = pool;
        this.config = config;
    }

    public Uni<Long> contentVersion(String layerId) {
        return pool.preparedQuery("select content_version from layers where id = $1").execute(Tuple.of(layerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("layer");
                    }
                    return rows.iterator().next().getLong("content_version");
                });
    }

    public Uni<Tile> tile(String layerId, TileAddress address) {
        Tuple params = Tuple.tuple().addString(layerId).addInteger(address.z()).addInteger(address.x())
                .addInteger(address.y()).addInteger(config.maxFeatures()).addInteger(config.extent())
                .addInteger(config.buffer());
        return pool.preparedQuery(TILE).execute(params).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("layer");
            }
            Row row = rows.iterator().next();
            Buffer tile = row.getDelegate().getBuffer("tile");
            return new Tile(tile == null ? Buffer.buffer() : tile, row.getLong("content_version"),
                    row.getLong("hits") > config.maxFeatures());
        });
    }
}
