package de.lagebild.media.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The record's JSON files: each an array written row by row as the database made it. */
final class JsonFiles {

    private static final UUID FIRST_ID = new UUID(0, 0);

    private JsonFiles() {
    }

    static void writeAll(ExportRun run, ArchiveWriter archive) throws IOException {
        try (Writer out = writer(archive.file("room.json", true))) {
            out.write(run.all(RecordQueries.ROOM).iterator().next().getString("j"));
            out.write('\n');
        }
        array(run, archive, "log.json", RecordQueries.LOG, 0L, 1);
        array(run, archive, "messages.json", RecordQueries.MESSAGES, 0L, 1);
        array(run, archive, "audit.json", RecordQueries.AUDIT, FIRST_ID, 0);
        array(run, archive, "pois.json", RecordQueries.POIS, FIRST_ID, 0);
        array(run, archive, "alarms.json", RecordQueries.ALARMS, FIRST_ID, 0);
        array(run, archive, "orders.json", RecordQueries.ORDERS, 0L, 0);
        array(run, archive, "unit-status.json", RecordQueries.UNIT_STATUS, 0L, 0);
    }

    private static void array(ExportRun run, ArchiveWriter archive, String path, String sql, Object firstKey,
            int unitsPerRow) throws IOException {
        try (Writer out = writer(archive.file(path, true))) {
            out.write('[');
            boolean[] first = {true};
            run.each(sql, List.of(), firstKey, unitsPerRow, row -> {
                out.write(first[0] ? "\n" : ",\n");
                first[0] = false;
                out.write(row.getString("j"));
            });
            out.write(first[0] ? "]\n" : "\n]\n");
        }
    }

    static Writer writer(OutputStream file) {
        return new OutputStreamWriter(file, StandardCharsets.UTF_8);
    }
}
