package de.lagebild.layers.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The kept import reports (table layer_imports). */
@ApplicationScoped
public class ImportReports {

    private static final String INSERT = """
            insert into layer_imports (id, layer_id, triggered_by, started_at, status, report)
            values ($1, $2, $3, $4, 'running', $5::text::jsonb)""";

    private static final String FINISH = """
            update layer_imports set status = $2, finished_at = $3, read_count = $4, stored_count = $5,
                                     rejected_count = $6, report = $7::text::jsonb
            where id = $1""";

    private final Pool pool;
    private final ObjectMapper json;

    private final DatabaseWait database;

    public ImportReports(Pool pool, ObjectMapper json, DatabaseWait database) {
        this.pool = pool;
        this.json = json;
        this.database = database;
    }

    /** Records that an import started (blocking). */
    void started(ImportReport report) {
        database.on(pool.preparedQuery(INSERT).execute(Tuple.tuple().addUUID(report.id()).addString(report.layerId())
                .addString(report.triggeredBy()).addOffsetDateTime(report.startedAt()).addString(toJson(report))));
    }

    /** Records how the import ended (blocking), in the import's transaction when {@code client} is its connection. */
    void finished(SqlClient client, ImportReport report) {
        database.on(client.preparedQuery(FINISH).execute(Tuple.tuple().addUUID(report.id()).addString(report.status())
                .addOffsetDateTime(report.finishedAt()).addInteger(report.read()).addInteger(report.stored())
                .addInteger(report.rejected()).addString(toJson(report))));
    }

    void finished(ImportReport report) {
        finished(pool, report);
    }

    public Uni<ImportReport> one(String layerId, UUID importId) {
        return pool.preparedQuery("select report from layer_imports where id = $1 and layer_id = $2")
                .execute(Tuple.of(importId, layerId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("import");
                    }
                    return fromRow(rows.iterator().next());
                });
    }

    /** The layer's latest imports, newest first, without their issue lists; 404 for an unknown layer. */
    public Uni<List<ImportReport>> latest(String layerId, int limit) {
        return pool.preparedQuery("""
                        select i.report from layers l
                        left join lateral (select report, started_at from layer_imports
                                           where layer_id = l.id order by started_at desc limit $2) i on true
                        where l.id = $1 order by i.started_at desc""")
                .execute(Tuple.of(layerId, limit)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("layer");
                    }
                    List<ImportReport> reports = new ArrayList<>();
                    for (Row row : rows) {
                        if (row.getValue("report") != null) {
                            reports.add(fromRow(row).summary());
                        }
                    }
                    return reports;
                });
    }

    private ImportReport fromRow(Row row) {
        try {
            return json.readValue(row.getJsonObject("report").encode(), ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import report in the database cannot be read", e);
        }
    }

    private String toJson(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
