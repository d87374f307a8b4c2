package de.lagebild.layers.catalogue;

import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the catalogue of layers. Every officer may see every layer. */
@ApplicationScoped
public class LayerCatalogue {

    private static final String COLUMNS = """
            select id, name, description, category, attribution, feature_count, last_import_at, content_version
            from layers""";

    private final Pool pool;

    public LayerCatalogue(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<LayerView>> all() {
        return pool.query(COLUMNS + " order by category, name, id").execute().map(rows -> {
            List<LayerView> layers = new ArrayList<>();
            rows.forEach(row -> layers.add(toView(row)));
            return layers;
        });
    }

    public Uni<LayerView> one(String id) {
        return pool.preparedQuery(COLUMNS + " where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("layer");
            }
            return toView(rows.iterator().next());
        });
    }

    private static LayerView toView(Row row) {
        return new LayerView(row.getString("id"), row.getString("name"), row.getString("description"),
                row.getString("category"), row.getString("attribution"), row.getInteger("feature_count"),
                row.getOffsetDateTime("last_import_at"), row.getLong("content_version"));
    }
}
