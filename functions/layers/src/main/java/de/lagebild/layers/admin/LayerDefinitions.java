package de.lagebild.layers.admin;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.layers.imports.SourceCrs;
import de.lagebild.layers.imports.SourcePolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Creates, changes, reads and deletes layer definitions. */
@ApplicationScoped
public class LayerDefinitions {

    /** What the outcome of a PUT is: the definition, and whether it was created by it. */
    public record Saved(LayerDefinitionView layer, boolean created) {
    }

    private static final String COLUMNS = """
            id, name, description, category, attribution, source_kind, source_url, source_crs,
            feature_count, content_version, last_import_at, created_at, updated_at""";

    // A change of what readers see (name, attribution, ...) draws a new content version: it is in the ETag.
    private static final String UPSERT = """
            insert into layers as l (id, name, description, category, attribution, source_kind, source_url, source_crs,
                                     content_version)
            values ($1, $2, $3, $4, $5, $6, $7, $8, nextval('layer_content_version'))
            on conflict (id) do update
              set name = excluded.name, description = excluded.description, category = excluded.category,
                  attribution = excluded.attribution, source_kind = excluded.source_kind,
                  source_url = excluded.source_url, source_crs = excluded.source_crs, updated_at = now(),
                  content_version = case
                    when (l.name, l.description, l.category, l.attribution)
                         is distinct from (excluded.name, excluded.description, excluded.category, excluded.attribution)
                    then excluded.content_version else l.content_version end
            returning (xmax = 0) as created,""" + COLUMNS;

    private final Pool pool;
    private final SourcePolicy sources;

    public LayerDefinitions(Pool pool, SourcePolicy sources) {
        this.pool = pool;
        this.sources = sources;
    }

    public Uni<Saved> save(String id, LayerDefinitionRequest request) {
        LayerSourceRequest source = request.source();
        String url = sourceUrl(source);
        String crs = source.crs() == null || source.crs().isBlank() ? null : source.crs().strip();
        if (crs != null) {
            SourceCrs.parse(crs).orElseThrow(() -> ProblemException.invalidField("source.crs",
                    "is not a CRS name we understand, e.g. EPSG:25832 or urn:ogc:def:crs:EPSG::25832"));
        }
        Tuple params = Tuple.tuple().addString(id).addString(request.name().strip())
                .addString(orEmpty(request.description())).addString(request.category() == null ? "other" : request.category())
                .addString(orEmpty(request.attribution())).addString(source.kind()).addString(url).addString(crs);
        return pool.preparedQuery(UPSERT).execute(params).map(rows -> {
            Row row = rows.iterator().next();
            return new Saved(toView(row), row.getBoolean("created"));
        });
    }

    public Uni<LayerDefinitionView> one(String id) {
        return pool.preparedQuery("select " + COLUMNS + " from layers where id = $1").execute(Tuple.of(id))
                .map(rows -> toView(single(rows)));
    }

    public Uni<List<LayerDefinitionView>> all() {
        return pool.query("select " + COLUMNS + " from layers order by id").execute().map(rows -> {
            List<LayerDefinitionView> layers = new ArrayList<>();
            rows.forEach(row -> layers.add(toView(row)));
            return layers;
        });
    }

    /** Deletes the layer with its features and import reports. */
    public Uni<Void> delete(String id) {
        return pool.preparedQuery("delete from layers where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw ProblemException.notFound("layer");
            }
            return null;
        });
    }

    private String sourceUrl(LayerSourceRequest source) {
        String url = source.url() == null || source.url().isBlank() ? null : source.url().strip();
        if (url == null) {
            if (!"upload".equals(source.kind())) {
                throw ProblemException.invalidField("source.url", "is required for a " + source.kind() + " source");
            }
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw ProblemException.invalidField("source.url", "must be an absolute http or https URL");
            }
            if (!sources.allowsAnySource()) {
                throw ProblemException.invalidField("source.url", "is not possible here: layers are imported by upload only");
            }
            if (!sources.allowsHostOf(uri)) {
                throw ProblemException.invalidField("source.url", "names a host that is not an allowed layer source");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("source.url", "is not a valid URL");
        }
        return url;
    }

    private static Row single(RowSet<Row> rows) {
        if (rows.size() == 0) {
            throw ProblemException.notFound("layer");
        }
        return rows.iterator().next();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static LayerDefinitionView toView(Row row) {
        return new LayerDefinitionView(row.getString("id"), row.getString("name"), row.getString("description"),
                row.getString("category"), row.getString("attribution"),
                new LayerDefinitionView.Source(row.getString("source_kind"), row.getString("source_url"),
                        row.getString("source_crs")),
                row.getInteger("feature_count"), row.getLong("content_version"), row.getOffsetDateTime("last_import_at"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
