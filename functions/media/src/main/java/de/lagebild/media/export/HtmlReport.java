package de.lagebild.media.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code report.html}: the record for people, in one self-contained page (inline style and SVG, no
 * script, nothing loaded from anywhere): who was there, a map of the tracks and POIs, what was ordered
 * and how it was answered, alarms, unit statuses, and the messages as a timeline. Written row by row
 * from the same queries as the JSON files. Times in the operation's zone (Europe/Berlin by default).
 */
final class HtmlReport {

    private static final UUID FIRST_ID = new UUID(0, 0);
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};
    private static final int MAP_WIDTH = 960;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.GERMANY);

    private final ExportRun run;
    private final Writer out;
    private final ObjectMapper json;
    private final ZoneId zone;

    private HtmlReport(ExportRun run, Writer out, ObjectMapper json, ZoneId zone) {
        this.run = run;
        this.out = out;
        this.json = json;
        this.zone = zone;
    }

    static void write(ExportRun run, ArchiveWriter archive, ObjectMapper json, ZoneId zone,
            List<MemberStretch> stretches, MapBounds bounds, int mapPointsPerTrack) throws IOException {
        try (Writer out = JsonFiles.writer(archive.file("report.html", true))) {
            HtmlReport report = new HtmlReport(run, out, json, zone);
            JsonNode room = report.parse(run.all(RecordQueries.ROOM).iterator().next().getString("j"));
            report.head(room);
            report.members(stretches);
            report.map(stretches, bounds, mapPointsPerTrack);
            report.orders();
            report.alarms();
            report.unitStatuses();
            report.timeline();
            out.write("</body>\n</html>\n");
        }
    }

    private void head(JsonNode room) throws IOException {
        String title = "Einsatzdokumentation: " + room.path("name").asText();
        out.write("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'\">\n");
        out.write("<title>" + Text.xml(title) + "</title>\n<style>\n"
                + "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                + "th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}"
                + "th{background:#eee}.deleted{color:#888;font-style:italic}.body{white-space:pre-wrap}"
                + ".urgent{color:#b00;font-weight:bold}svg{border:1px solid #bbb;background:#f8f8f4}\n</style>\n</head>\n<body>\n");
        out.write("<h1>" + Text.xml(title) + "</h1>\n<p>Zeitraum: " + time(run.from()) + " bis " + time(run.to())
                + " (" + Text.xml(zone.getId()) + ")<br>Export " + run.job().id() + ", angefordert "
                + time(run.job().requestedAt()) + "</p>\n");
        if (!room.path("description").asText().isEmpty()) {
            out.write("<p>" + Text.xml(room.path("description").asText()) + "</p>\n");
        }
        out.write("<p>Die Dateien dieses Archivs sind mit ihrem SHA-256 in manifest.json verzeichnet; manifest.json.jws"
                + " ist die Signatur darüber.</p>\n");
    }

    private void members(List<MemberStretch> stretches) throws IOException {
        out.write("<h2>Anwesend (Mitglieder des Raums)</h2>\n<table><tr><th>Name</th><th>Einheit</th><th>von</th><th>bis</th></tr>\n");
        for (MemberStretch stretch : stretches) {
            out.write("<tr><td>" + Text.xml(stretch.displayName()) + "</td><td>" + Text.xml(stretch.unit()) + "</td><td>"
                    + time(stretch.from()) + "</td><td>" + time(stretch.to()) + "</td></tr>\n");
        }
        out.write("</table>\n");
    }

    private void map(List<MemberStretch> stretches, MapBounds bounds, int pointsPerTrack) throws IOException {
        out.write("<h2>Karte (Bewegungen und Orte)</h2>\n");
        run.each(RecordQueries.POIS, List.of(), FIRST_ID, 0,
                row -> {
                    JsonNode poi = parse(row.getString("j"));
                    bounds.add(poi.path("lon").asDouble(), poi.path("lat").asDouble());
                });
        if (bounds.isEmpty()) {
            out.write("<p>Keine Positionen und keine Orte im Zeitraum.</p>\n");
            return;
        }
        MapProjection projection = new MapProjection(bounds, MAP_WIDTH);
        out.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + MAP_WIDTH + "\" height=\"" + projection.height()
                + "\" viewBox=\"0 0 " + MAP_WIDTH + " " + projection.height() + "\">\n");
        for (int i = 0; i < stretches.size(); i++) {
            MemberStretch stretch = stretches.get(i);
            StringBuilder points = new StringBuilder();
            for (Row fix : run.all(RecordQueries.TRACK_SAMPLE, stretch.userId(), stretch.from(), stretch.to(), pointsPerTrack)) {
                points.append(projection.x(fix.getDouble("lon"))).append(',').append(projection.y(fix.getDouble("lat"))).append(' ');
            }
            if (!points.isEmpty()) {
                out.write("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + colour(i) + "\" points=\""
                        + points.toString().strip() + "\"><title>" + Text.xml(stretch.displayName()) + "</title></polyline>\n");
            }
            run.advance(0);
        }
        run.each(RecordQueries.POIS, List.of(), FIRST_ID, 0, row -> {
            JsonNode poi = parse(row.getString("j"));
            double x = projection.x(poi.path("lon").asDouble());
            double y = projection.y(poi.path("lat").asDouble());
            String fill = poi.path("deletedAt").isNull() ? "#000" : "#999";
            out.write("<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"5\" fill=\"" + fill + "\"><title>"
                    + Text.xml(poi.path("name").asText()) + "</title></circle><text x=\"" + (x + 7) + "\" y=\"" + (y + 4)
                    + "\" font-size=\"12\">" + Text.xml(poi.path("name").asText()) + "</text>\n");
        });
        out.write("</svg>\n<p>");
        for (int i = 0; i < stretches.size(); i++) {
            out.write("<span style=\"color:" + colour(i) + "\">&#9632;</span> " + Text.xml(stretches.get(i).displayName()) + " ");
        }
        out.write(String.format(Locale.ROOT, "<br>Ausschnitt: %.5f, %.5f bis %.5f, %.5f (WGS 84, Länge/Breite); "
                + "Orte schwarz, gelöschte grau</p>\n", bounds.west(), bounds.south(), bounds.east(), bounds.north()));
    }

    private void orders() throws IOException {
        out.write("<h2>Aufträge</h2>\n<table><tr><th>Zeit</th><th>Chat</th><th>von</th><th>Priorität</th><th>Auftrag</th>"
                + "<th>Empfänger und Antworten</th></tr>\n");
        run.each(RecordQueries.ORDERS, List.of(), 0L, 0, row -> {
            JsonNode order = parse(row.getString("j"));
            StringBuilder answers = new StringBuilder();
            for (JsonNode recipient : order.path("recipients")) {
                String answer = switch (recipient.path("answer").asText("")) {
                    case "acknowledged" -> "bestätigt " + time(recipient.path("answeredAt"));
                    case "declined" -> "abgelehnt " + time(recipient.path("answeredAt")) + ": "
                            + Text.xml(recipient.path("reason").asText());
                    default -> "keine Antwort";
                };
                answers.append(Text.xml(recipient.path("name").asText())).append(": ").append(answer).append("<br>");
            }
            out.write("<tr><td>" + time(order.path("postedAt")) + "</td><td>" + Text.xml(order.path("chat").asText())
                    + "</td><td>" + Text.xml(order.path("sentByName").asText()) + "</td><td>"
                    + Text.xml(order.path("priority").asText()) + "</td><td>" + body(order) + "</td><td>" + answers
                    + "</td></tr>\n");
        });
        out.write("</table>\n");
    }

    private void alarms() throws IOException {
        out.write("<h2>Alarme</h2>\n<table><tr><th>ausgelöst</th><th>von</th><th>Art</th><th>Text</th><th>Zustand</th>"
                + "<th>beendet</th><th>bestätigt von</th></tr>\n");
        run.each(RecordQueries.ALARMS, List.of(), FIRST_ID, 0, row -> {
            JsonNode alarm = parse(row.getString("j"));
            StringBuilder acknowledged = new StringBuilder();
            for (JsonNode ack : alarm.path("acknowledgements")) {
                acknowledged.append(Text.xml(ack.path("name").asText())).append(' ').append(time(ack.path("at"))).append("<br>");
            }
            out.write("<tr class=\"urgent\"><td>" + time(alarm.path("raisedAt")) + "</td><td>"
                    + Text.xml(alarm.path("raisedByName").asText()) + "</td><td>" + Text.xml(alarm.path("kind").asText())
                    + "</td><td>" + Text.xml(alarm.path("text").asText("")) + "</td><td>" + Text.xml(alarm.path("state").asText())
                    + "</td><td>" + time(alarm.path("endedAt")) + "</td><td>" + acknowledged + "</td></tr>\n");
        });
        out.write("</table>\n");
    }

    private void unitStatuses() throws IOException {
        out.write("<h2>Status (FMS)</h2>\n<table><tr><th>Zeit</th><th>Name</th><th>Einheit</th><th>Status</th></tr>\n");
        run.each(RecordQueries.UNIT_STATUS, List.of(), 0L, 0, row -> {
            JsonNode status = parse(row.getString("j"));
            out.write("<tr" + (status.path("urgent").asBoolean() ? " class=\"urgent\"" : "") + "><td>"
                    + time(status.path("setAt")) + "</td><td>" + Text.xml(status.path("name").asText()) + "</td><td>"
                    + Text.xml(status.path("unit").asText("")) + "</td><td>" + Text.xml(status.path("code").asText()) + " "
                    + Text.xml(status.path("label").asText()) + "</td></tr>\n");
        });
        out.write("</table>\n");
    }

    private void timeline() throws IOException {
        out.write("<h2>Zeitverlauf (Nachrichten)</h2>\n<table><tr><th>Zeit</th><th>Chat</th><th>von</th><th>Nachricht</th></tr>\n");
        run.each(RecordQueries.MESSAGES, List.of(), 0L, 1, row -> {
            JsonNode message = parse(row.getString("j"));
            out.write("<tr><td>" + time(message.path("createdAt")) + "</td><td>" + Text.xml(message.path("chat").asText())
                    + "</td><td>" + Text.xml(message.path("author").asText()) + "</td><td>" + body(message) + "</td></tr>\n");
        });
        out.write("</table>\n");
    }

    /** What a message says now: its text and what it carries, or that it was deleted. */
    private String body(JsonNode message) {
        if (!message.path("deletedAt").isNull() && !message.path("deletedAt").isMissingNode()) {
            return "<span class=\"deleted\">gelöscht " + time(message.path("deletedAt")) + "</span>";
        }
        StringBuilder shown = new StringBuilder();
        if ("urgent".equals(message.path("priority").asText())) {
            shown.append("<span class=\"urgent\">DRINGEND</span> ");
        }
        if (message.path("order").asBoolean()) {
            shown.append("<b>Auftrag</b> ");
        }
        shown.append("<span class=\"body\">").append(Text.xml(message.path("body").asText(""))).append("</span>");
        if (!message.path("attachment").asText("").isEmpty()) {
            String path = message.path("attachment").asText();
            shown.append(" <a href=\"").append(Text.xml(path)).append("\">")
                    .append(Text.xml(path.substring(path.lastIndexOf('/') + 1))).append("</a>");
        }
        if (message.path("location").isObject()) {
            shown.append(String.format(Locale.ROOT, " Standort %.5f, %.5f", message.path("location").path("lat").asDouble(),
                    message.path("location").path("lon").asDouble()));
        }
        if (!message.path("editedAt").isNull() && !message.path("editedAt").isMissingNode()) {
            shown.append(" <span class=\"deleted\">(bearbeitet ").append(time(message.path("editedAt"))).append(")</span>");
        }
        return shown.toString();
    }

    private JsonNode parse(String row) throws IOException {
        return json.readTree(row);
    }

    private String time(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : time(OffsetDateTime.parse(value.asText()));
    }

    private String time(OffsetDateTime value) {
        return value == null ? "" : TIME.format(value.atZoneSameInstant(zone));
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }
}
