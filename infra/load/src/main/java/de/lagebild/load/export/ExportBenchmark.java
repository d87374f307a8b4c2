package de.lagebild.load.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.load.BenchUsers;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * An after-action export of a large room: MESSAGES text messages and FIXES track fixes written into
 * the database ({@link ExportData}), FILES PDFs of FILE_MB each uploaded through media as file messages,
 * then one export of the room requested and polled until done. Prints the export's duration and
 * archive size, and the media function's resident memory (VmRSS, sampled every 200 ms, and its
 * lifetime peak VmHWM) and heap in use (from its metrics) before and during the export.
 *
 * <pre>
 * infra/bench.sh export [media=http://127.0.0.1:8084] [management=http://127.0.0.1:9084]
 *                       [db=jdbc:postgresql://127.0.0.1:5432/lagebild] [messages=100000] [files=100]
 *                       [file-mb=5] [fixes=7200] [user=lead2] [pid=] [keycloak=http://127.0.0.1:8180]
 * </pre>
 * {@code pid} is the media function's process (default: the run directory's media.pid).
 */
public class ExportBenchmark implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIB = 1024 * 1024;

    @Override
    public void run(String[] arguments) throws Exception {
        ScenarioArgs args = new ScenarioArgs(arguments);
        String media = args.string("media", "http://127.0.0.1:8084");
        String management = args.string("management", "http://127.0.0.1:9084");
        String db = args.string("db", "jdbc:postgresql://127.0.0.1:5432/lagebild");
        int messages = args.integer("messages", 100_000);
        int files = args.integer("files", 100);
        int fileMb = args.integer("file-mb", 5);
        int fixes = args.integer("fixes", 7200);
        String user = args.string("user", "lead2");
        String pidText = args.string("pid", "");
        long pid = java(pidText.isEmpty()
                ? Long.parseLong(Files.readString(Path.of(System.getProperty("lagebild.run.dir", ".local/run"), "media.pid")).strip())
                : Long.parseLong(pidText));

        BenchUsers users = new BenchUsers(args.string("keycloak", "http://127.0.0.1:8180"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = users.token(user);
        // Any request registers the caller's user row.
        send(http, HttpRequest.newBuilder(URI.create(media + "/v1/attachments/" + UUID.randomUUID() + "/link"))
                .header("Authorization", "Bearer " + token).GET().build());
        UUID userId = userId(db, user);
        UUID chatId;
        UUID roomId;
        try (ExportData data = ExportData.connect(db)) {
            chatId = data.prepare(userId, messages, fixes);
            roomId = data.roomOf(chatId);
        }
        upload(http, media, users, user, chatId, files, fileMb);

        long rssBefore = memory(pid, "VmRSS");
        long heapBefore = heapUsed(http, management);
        token = users.token(user);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String body = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"from\":\"" + now.minusHours(3) + "\",\"to\":\""
                + now.plusHours(1) + "\"}";
        long started = System.nanoTime();
        HttpResponse<String> requested = send(http, HttpRequest.newBuilder(URI.create(media + "/v1/rooms/" + roomId + "/exports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (requested.statusCode() != 201) {
            throw new IllegalStateException("export request answered " + requested.statusCode() + ": " + requested.body());
        }
        String exportId = JSON.readTree(requested.body()).get("id").asText();
        long rssPeak = rssBefore;
        long heapPeak = heapBefore;
        JsonNode export;
        int lastProgress = -1;
        while (true) {
            rssPeak = Math.max(rssPeak, memory(pid, "VmRSS"));
            heapPeak = Math.max(heapPeak, heapUsed(http, management));
            if ((System.nanoTime() - started) > Duration.ofMinutes(4).toNanos()) {
                token = users.token(user);
            }
            export = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(media + "/v1/rooms/" + roomId + "/exports/" + exportId))
                    .header("Authorization", "Bearer " + token).GET().build()).body());
            String state = export.path("state").asText();
            if (export.path("progress").asInt() / 10 != lastProgress / 10) {
                lastProgress = export.path("progress").asInt();
                System.out.printf(Locale.ROOT, "  export %s: %s %d%% after %.1f s, RSS %d MiB%n", exportId, state, lastProgress,
                        (System.nanoTime() - started) / 1e9, memory(pid, "VmRSS") / MIB);
            }
            if (!state.equals("queued") && !state.equals("running")) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "export: %d messages, %d files of %d MB (%d MB), %d fixes: %s in %.1f s, archive %d MB in %d files%n",
                messages, files, fileMb, (long) files * fileMb, fixes, export.path("state").asText(), seconds,
                export.path("sizeBytes").asLong() / MIB, export.path("fileCount").asInt());
        System.out.printf(Locale.ROOT, "media memory: RSS before %d MiB, peak during the export %d MiB (lifetime peak VmHWM %d MiB);"
                + " heap in use before %d MiB, peak sampled %d MiB%n", rssBefore / MIB, rssPeak / MIB,
                memory(pid, "VmHWM") / MIB, heapBefore / MIB, heapPeak / MIB);
    }

    /** Uploads the PDFs as file messages, two at a time. */
    private static void upload(HttpClient http, String media, BenchUsers users, String user, UUID chatId, int files,
            int fileMb) throws Exception {
        long started = System.nanoTime();
        String token = users.token(user);
        for (int i = 0; i < files; i++) {
            if (i % 40 == 39) {
                token = users.token(user);
            }
            HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(media + "/v1/chats/" + chatId
                            + "/media-messages?clientId=" + UUID.randomUUID() + "&fileName=bericht-" + i + ".pdf"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pdf(fileMb * (int) MIB, new Random(i)))).build());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        System.out.printf(Locale.ROOT, "export data: %d PDFs of %d MB uploaded in %.0f s%n", files, fileMb,
                (System.nanoTime() - started) / 1e9);
    }

    /** A valid one-page PDF padded to about {@code size} bytes with a stream of digits (nothing a PDF check reads). */
    static byte[] pdf(int size, Random random) {
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                "<< /Length 35 >>\nstream\nBT /F1 12 Tf 20 100 Td (Lage) Tj ET\nendstream");
        StringBuilder pdf = new StringBuilder(size + 1024).append("%PDF-1.5\n");
        int[] offsets = new int[objects.size() + 1];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        offsets[objects.size()] = pdf.length();
        int padding = Math.max(0, size - pdf.length() - 400);
        pdf.append(objects.size() + 1).append(" 0 obj\n<< /Length ").append(padding).append(" >>\nstream\n");
        for (int i = 0; i < padding; i++) {
            pdf.append((char) ('0' + random.nextInt(10)));
        }
        pdf.append("\nendstream\nendobj\n");
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(offsets.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(offsets.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static UUID userId(String db, String username) throws Exception {
        try (Connection connection = DriverManager.getConnection(db, "lagebild", "lagebild");
                PreparedStatement query = connection.prepareStatement("select id from users where username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException(username + " has no user row");
                }
                return rows.getObject(1, UUID.class);
            }
        }
    }

    /** The JVM itself when the pid is of a launcher that started it (setsid, env). */
    private static long java(long pid) throws IOException {
        Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
        String name = Files.readAllLines(Path.of("/proc/" + pid + "/status")).get(0);
        String child = Files.exists(children) ? Files.readString(children).strip() : "";
        return name.endsWith("java") || child.isEmpty() ? pid : java(Long.parseLong(child.split(" ")[0]));
    }

    /** A value in bytes of /proc/PID/status (VmRSS, VmHWM). */
    private static long memory(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException(field + " not found for " + pid);
    }

    /** The heap in use now, summed over the pools of jvm_memory_used_bytes{area="heap"}. */
    private static long heapUsed(HttpClient http, String management) throws Exception {
        String metrics = send(http, HttpRequest.newBuilder(URI.create(management + "/q/metrics")).GET().build()).body();
        double used = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
