package de.lagebild.media.export;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The members' tracks within the window and their stretches of membership, fix by fix as the
 * database pages them: {@code tracks.geojson} (RFC 7946, one LineString feature per stretch, a Point
 * for a single fix) and {@code tracks.gpx} (GPX 1.1, one track per stretch, with the fixes' times).
 */
final class TrackFiles {

    private static final DateTimeFormatter GPX_TIME = DateTimeFormatter.ISO_INSTANT;

    private TrackFiles() {
    }

    static void write(ExportRun run, ArchiveWriter archive, List<MemberStretch> stretches, MapBounds bounds)
            throws IOException {
        try (Writer out = JsonFiles.writer(archive.file("tracks.geojson", true))) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[");
            boolean firstFeature = true;
            for (MemberStretch stretch : stretches) {
                long fixes = count(run, stretch);
                if (fixes == 0) {
                    continue;
                }
                out.write(firstFeature ? "\n" : ",\n");
                firstFeature = false;
                out.write("{\"type\":\"Feature\",\"properties\":{\"userId\":\"" + stretch.userId() + "\",\"name\":"
                        + Text.json(stretch.displayName()) + ",\"from\":\"" + stretch.from().toInstant() + "\",\"to\":\""
                        + stretch.to().toInstant() + "\",\"fixes\":" + fixes + "},\"geometry\":{\"type\":\""
                        + (fixes == 1 ? "Point" : "LineString") + "\",\"coordinates\":" + (fixes == 1 ? "" : "["));
                boolean[] firstFix = {true};
                run.each(RecordQueries.TRACK, List.of(stretch.userId(), stretch.from(), stretch.to()),
                        stretch.from().minusNanos(1000), 0, row -> {
                            double lon = row.getDouble("lon");
                            double lat = row.getDouble("lat");
                            bounds.add(lon, lat);
                            out.write(firstFix[0] ? "" : ",");
                            firstFix[0] = false;
                            out.write("[" + lon + "," + lat + "]");
                        });
                out.write(fixes == 1 ? "}}" : "]}}");
            }
            out.write("\n]}\n");
        }
        try (Writer out = JsonFiles.writer(archive.file("tracks.gpx", true))) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"Lagebild\""
                    + " xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
            for (MemberStretch stretch : stretches) {
                out.write("<trk><name>" + Text.xml(stretch.displayName()) + "</name><desc>" + stretch.userId()
                        + "</desc><trkseg>\n");
                run.each(RecordQueries.TRACK, List.of(stretch.userId(), stretch.from(), stretch.to()),
                        stretch.from().minusNanos(1000), 0, row -> {
                            out.write("<trkpt lat=\"" + row.getDouble("lat") + "\" lon=\"" + row.getDouble("lon") + "\">");
                            Double altitude = row.getDouble("altitude_m");
                            if (altitude != null) {
                                out.write("<ele>" + altitude + "</ele>");
                            }
                            OffsetDateTime at = row.getOffsetDateTime("k");
                            out.write("<time>" + GPX_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC)) + "</time>");
                            out.write("</trkpt>\n");
                        });
                out.write("</trkseg></trk>\n");
            }
            out.write("</gpx>\n");
        }
    }

    private static long count(ExportRun run, MemberStretch stretch) {
        return run.all("""
                        select count(*) from position_track t
                         where $1::uuid is not null and $2::timestamptz is not null and $3::timestamptz is not null
                           and t.user_id = $4 and t.recorded_at >= $5 and t.recorded_at < $6""",
                stretch.userId(), stretch.from(), stretch.to()).iterator().next().getLong(0);
    }
}
