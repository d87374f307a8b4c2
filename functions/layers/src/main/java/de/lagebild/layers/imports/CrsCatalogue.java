package de.lagebild.layers.imports;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows the CRSs that PostGIS can reproject from (its spatial_ref_sys) and which of them are
 * geographic, i.e. latitude first in EPSG axis order. Blocking: call it on a worker thread.
 */
@ApplicationScoped
public class CrsCatalogue {

    private static final String LOOKUP = """
            select proj4text like '%+proj=longlat%' as geographic from spatial_ref_sys where srid = $1""";

    private final Pool pool;
    private final Map<Integer, Boolean> geographic = new ConcurrentHashMap<>();

    private final DatabaseWait database;

    public CrsCatalogue(Pool pool, DatabaseWait database) {
        this.pool = pool;
        this.database = database;
    }

    /** Whether the source wrote latitude first, so that its axes must be flipped; fails for an unknown CRS. */
    public boolean flipsAxes(SourceCrs crs) {
        boolean latitudeFirst = isGeographic(crs.srid());
        return crs.authorityAxisOrder() && latitudeFirst;
    }

    private boolean isGeographic(int srid) {
        Boolean known = geographic.get(srid);
        if (known != null) {
            return known;
        }
        var rows = database.on(pool.preparedQuery(LOOKUP).execute(Tuple.of(srid)));
        if (rows.size() == 0) {
            throw ImportFailure.content("unknown CRS EPSG:" + srid + ": PostGIS cannot reproject from it");
        }
        boolean isGeographic = rows.iterator().next().getBoolean("geographic");
        geographic.put(srid, isGeographic);
        return isGeographic;
    }

    /** Fails the import when PostGIS does not know the CRS. */
    public void requireKnown(SourceCrs crs) {
        isGeographic(crs.srid());
    }
}
