package de.lagebild.layers.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Imports a layer from its source or an upload: fetch into a file, then in one transaction empty
 * the layer, stream the features into it in batches and publish the new content version. A failure
 * anywhere rolls back, so the layer keeps its previous content; the report says what went wrong.
 * Importing the same data again changes nothing (unless forced). Blocking: runs on a worker thread.
 */
@ApplicationScoped
public class LayerImporter {

    /** What to import: an uploaded file (or null to fetch the layer's source URL), a CRS for data that names none. */
    public record ImportRequest(String layerId, SourceFile upload, String crs, boolean force, String triggeredBy) {
    }

    private record LayerSource(String kind, String url, String crs, String contentSha256, long contentVersion) {
    }

    private final Pool pool;
    private final ObjectMapper json;
    private final ImportConfig config;
    private final SourceDownload download;
    private final CrsCatalogue crsCatalogue;
    private final FeatureStore store;
    private final ImportReports reports;
    private final DatabaseWait database;

    public LayerImporter(Pool pool, ObjectMapper json, ImportConfig config, SourceDownload download,
            CrsCatalogue crsCatalogue, FeatureStore store, ImportReports reports, DatabaseWait database) {
        this.pool = pool;
        this.json = json;
        this.config = config;
        this.download = download;
        this.crsCatalogue = crsCatalogue;
        this.store = store;
        this.reports = reports;
        this.database = database;
    }

    public ImportReport run(ImportRequest request) {
        LayerSource layer = sourceOf(request.layerId());
        String declaredCrsName = request.crs() != null ? request.crs() : layer.crs();
        SourceCrs declaredCrs = declaredCrs(request.crs(), layer.crs());
        if (request.upload() == null && layer.url() == null) {
            throw ProblemException.conflict("the layer has no source URL: send the data in the request body");
        }
        ImportReport.Source source = request.upload() != null
                ? new ImportReport.Source("upload", null, null, null, null, declaredCrsName)
                : new ImportReport.Source(layer.kind(), layer.url(), null, null, null, declaredCrsName);
        ImportRun run = new ImportRun(Ids.newId(), request.layerId(), request.triggeredBy(), source, config.maxReportedIssues());
        reports.started(run.running());
        try (SourceFile file = request.upload() != null ? request.upload() : download.fetch(URI.create(layer.url()))) {
            SourceFormat format = file.format();
            run.fetched(file, format);
            // The same bytes read with the same declared CRS give the same layer: nothing to do.
            String contentSha256 = file.sha256() + (declaredCrs == null ? "" : "/" + declaredCrs);
            ImportReport report = !request.force() && contentSha256.equals(layer.contentSha256())
                    ? run.unchanged(layer.contentVersion())
                    : replace(request.layerId(), file, declaredCrs, contentSha256, run);
            if (report.outcome().equals("unchanged")) {
                reports.finished(report);
            }
            Log.infof("layer %s imported: %s, read %d, stored %d, rejected %d", request.layerId(), report.outcome(),
                    report.read(), report.stored(), report.rejected());
            return report;
        } catch (ImportFailure failure) {
            ImportReport report = run.failed(failure);
            reports.finished(report);
            Log.warnf("layer %s import failed, it keeps its previous content: %s", request.layerId(), failure.getMessage());
            return report;
        } catch (RuntimeException unexpected) {
            reports.finished(run.failedUnexpectedly());
            throw unexpected;
        }
    }

    private ImportReport replace(String layerId, SourceFile file, SourceCrs declaredCrs, String contentSha256, ImportRun run) {
        SqlConnection connection = database.on(pool.getConnection());
        try {
            Transaction transaction = database.on(connection.begin());
            try (FeatureSource features = FeatureSource.open(file, json)) {
                store.lockAndClear(connection, layerId);
                storeAll(connection, layerId, features, declaredCrs, run);
                if (run.storedCount() == 0) {
                    throw ImportFailure.content(run.readCount() == 0
                            ? "the source holds no features"
                            : "none of the " + run.readCount() + " features could be stored");
                }
                long version = store.publish(connection, layerId, run.storedCount(), contentSha256);
                ImportReport report = run.replaced(version);
                reports.finished(connection, report);
                database.on(transaction.commit());
                return report;
            } catch (RuntimeException e) {
                database.on(transaction.rollback());
                throw StatementTimeout.isCause(e)
                        ? ImportFailure.content("a statement of the import ran longer than "
                                + config.statementTimeout().toSeconds() + " s, the most the database allows it")
                        : e;
            }
        } finally {
            database.on(connection.close());
        }
    }

    private void storeAll(SqlConnection connection, String layerId, FeatureSource features, SourceCrs declaredCrs,
            ImportRun run) {
        Map<SourceCrs, Boolean> flips = new HashMap<>();
        FeatureBatch batch = new FeatureBatch();
        VertexBudget vertices = new VertexBudget(config);
        for (SourceFeature feature = features.next(); feature != null; feature = features.next()) {
            run.read();
            String problem = problemOf(feature);
            if (problem == null && feature.geometry() != null) {
                problem = vertices.spend(feature.geometry());
            }
            SourceCrs crs = feature.geometry() == null ? null : crsOf(feature.geometry(), declaredCrs);
            if (problem == null && crs == null) {
                problem = "the geometry names no srsName and the source declares no CRS";
            }
            if (problem != null) {
                run.rejected(feature.number(), feature.externalId(), problem);
                continue;
            }
            batch.add(feature, crs, flips.computeIfAbsent(crs, crsCatalogue::flipsAxes));
            if (batch.size() >= config.batchSize()) {
                storeBatch(connection, layerId, batch, run);
                batch = new FeatureBatch();
            }
        }
        if (!batch.isEmpty()) {
            storeBatch(connection, layerId, batch, run);
        }
    }

    private void storeBatch(SqlConnection connection, String layerId, FeatureBatch batch, ImportRun run) {
        for (FeatureStore.Outcome outcome : store.store(connection, layerId, batch)) {
            if (outcome.outcome().equals("repaired")) {
                run.repaired(outcome.number(), batch.externalId(outcome.number()), outcome.reason());
            } else {
                run.rejected(outcome.number(), batch.externalId(outcome.number()), outcome.reason());
            }
        }
    }

    /** GeoJSON without a crs member is in the declared CRS, else WGS 84 (RFC 7946); GML must name one. */
    private static SourceCrs crsOf(SourceGeometry geometry, SourceCrs declared) {
        if (geometry.crs() != null) {
            return geometry.crs();
        }
        if (declared != null) {
            return declared;
        }
        return geometry.format() == SourceFormat.GEOJSON ? SourceCrs.WGS84_LON_LAT : null;
    }

    /** What PostgreSQL text and jsonb cannot hold: a NUL character. */
    private static String problemOf(SourceFeature feature) {
        if (feature.problem() != null) {
            return feature.problem();
        }
        if (feature.propertiesJson().contains("\\u0000") || feature.externalId() != null && feature.externalId().indexOf('\0') >= 0) {
            return "the properties or the id contain a NUL character";
        }
        return null;
    }

    private SourceCrs declaredCrs(String requested, String layerCrs) {
        if (requested != null) {
            SourceCrs crs = SourceCrs.parse(requested).orElseThrow(() -> ProblemException.invalidField("crs",
                    "is not a CRS name we understand, e.g. EPSG:25832 or urn:ogc:def:crs:EPSG::25832"));
            try {
                crsCatalogue.requireKnown(crs);
            } catch (ImportFailure unknown) {
                throw ProblemException.invalidField("crs", "is a CRS that PostGIS does not know");
            }
            return crs;
        }
        return layerCrs == null ? null : SourceCrs.parse(layerCrs).orElse(null);
    }

    private LayerSource sourceOf(String layerId) {
        RowSet<Row> rows = database.on(pool.preparedQuery("""
                        select source_kind, source_url, source_crs, content_sha256, content_version from layers where id = $1""")
                .execute(Tuple.of(layerId)));
        if (rows.size() == 0) {
            throw ProblemException.notFound("layer");
        }
        Row row = rows.iterator().next();
        return new LayerSource(Objects.requireNonNullElse(row.getString("source_kind"), "upload"), row.getString("source_url"),
                row.getString("source_crs"), row.getString("content_sha256"), row.getLong("content_version"));
    }
}
