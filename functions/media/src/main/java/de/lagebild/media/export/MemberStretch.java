package de.lagebild.media.export;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stretch of time within the window in which the user was a member of the room ("who was there"). */
record MemberStretch(UUID userId, String displayName, String unit, OffsetDateTime from, OffsetDateTime to) {

    static List<MemberStretch> of(ExportRun run) {
        List<MemberStretch> stretches = new ArrayList<>();
        for (Row row : run.all(RecordQueries.MEMBERSHIP)) {
            stretches.add(new MemberStretch(row.getUUID("user_id"), row.getString("display_name"), row.getString("unit"),
                    row.getOffsetDateTime("span_from"), row.getOffsetDateTime("span_to")));
        }
        return stretches;
    }
}
