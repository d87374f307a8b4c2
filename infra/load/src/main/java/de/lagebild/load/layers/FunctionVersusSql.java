package de.lagebild.load.layers;

import de.lagebild.load.LatencyReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the function adds to its database work: one client, one request at a time, the features of a map view
 * through the function (HTTP, token check, the statement, the answer) and the very same statement sent
 * straight to PostgreSQL from here, in rotating order per view, so all see the same machine. The function is
 * timed through two clients: a blocking HTTP/1.1 connection read in the calling thread, as JDBC reads its
 * connection (the comparison's figure), and Java's HttpClient (what that client adds besides). The statement
 * is read from the function's source (FeatureQuery.FEATURES), never copied.
 */
final class FunctionVersusSql implements AutoCloseable {

    private static final Path SOURCE = Path.of("functions/layers/src/main/java/de/lagebild/layers/features/FeatureQuery.java");
    private static final Pattern STATEMENT = Pattern.compile("FEATURES = \"\"\"\\s*(.*?)\"\"\";", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");

    private final HttpClient http;
    private final BlockingHttp blocking;
    private final String url;
    private final String token;
    private final Connection db;
    private final PreparedStatement features;
    /** For each `?` of the JDBC statement, the number of the parameter it stands for. */
    private final int[] parameterOrder;
    /** Bytes the function answered since the last comparison began: both sides must carry the same features. */
    private long bodyBytes;

    FunctionVersusSql(HttpClient http, String url, String token, String jdbcUrl, Path repository)
            throws IOException, SQLException {
        this.http = http;
        this.blocking = new BlockingHttp(URI.create(url));
        this.url = url;
        this.token = token;
        this.db = DriverManager.getConnection(jdbcUrl, "lagebild_app", "lagebild_app");
        // The statement names its parameters $1..$6, several of them more than once, as the function's client
        // sends it; JDBC knows only `?`, one per occurrence: each becomes a `?` bound to its parameter's value.
        String statement = statement(repository.resolve(SOURCE));
        Matcher parameter = PARAMETER.matcher(statement);
        StringBuilder jdbc = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        while (parameter.find()) {
            order.add(Integer.parseInt(parameter.group(1)));
            parameter.appendReplacement(jdbc, "?");
        }
        parameter.appendTail(jdbc);
        this.parameterOrder = order.stream().mapToInt(Integer::intValue).toArray();
        this.features = db.prepareStatement(jdbc.toString());
    }

    private static String statement(Path source) throws IOException {
        Matcher matcher = STATEMENT.matcher(Files.readString(source));
        if (!matcher.find()) {
            throw new IllegalStateException("no FEATURES statement in " + source);
        }
        return matcher.group(1);
    }

    /**
     * Compares ROUNDS map views of the given layers, each from VIEWS, each view three ways in rotating order: the
     * function through a blocking HTTP connection (the peer of the JDBC connection), the function through Java's
     * HttpClient, and the statement over JDBC. Returns one line of means, medians and ratios to SQL.
     */
    String compare(String name, String layers, int rounds, Supplier<double[]> views) throws Exception {
        LatencyReport function = LatencyReport.consoleOnly(name + " function");
        LatencyReport functionJdk = LatencyReport.consoleOnly(name + " function, Java's HttpClient");
        LatencyReport sql = LatencyReport.consoleOnly(name + " SQL");
        long sqlBytes = 0;
        bodyBytes = 0;
        for (int i = 0; i < rounds; i++) {
            double[] box = views.get();
            String path = String.format(Locale.ROOT, "/v1/layers/%s/features?limit=500&bbox=%.5f,%.5f,%.5f,%.5f",
                    layers, box[0], box[1], box[2], box[3]);
            for (int step = 0; step < 3; step++) {
                switch ((i + step) % 3) {
                    case 0 -> function.recordNanos(timeFunction(path));
                    case 1 -> functionJdk.recordNanos(timeFunctionJdk(path));
                    default -> {
                        long started = System.nanoTime();
                        sqlBytes += viaSql(layers, box);
                        sql.recordNanos(System.nanoTime() - started);
                    }
                }
            }
        }
        double sqlMean = mean(sql);
        return String.format(Locale.ROOT, "%-30s %d views: function mean %.2f ms p50 %.2f (Java's HttpClient: mean %.2f"
                        + " p50 %.2f), SQL mean %.2f ms p50 %.2f; function/SQL mean %.2f, p50 %.2f (Java's HttpClient:"
                        + " %.2f, %.2f) (%d bytes per view through the function, %d characters via SQL)",
                name, rounds, mean(function), function.percentileMillis(50), mean(functionJdk),
                functionJdk.percentileMillis(50), sqlMean, sql.percentileMillis(50), mean(function) / sqlMean,
                function.percentileMillis(50) / sql.percentileMillis(50), mean(functionJdk) / sqlMean,
                functionJdk.percentileMillis(50) / sql.percentileMillis(50), bodyBytes / rounds, sqlBytes / rounds);
    }

    private static double mean(LatencyReport report) {
        return report.snapshot().getMean() / 1000.0;
    }

    private long timeFunction(String path) throws IOException {
        long started = System.nanoTime();
        BlockingHttp.Answer answer = blocking.get(path, "Bearer " + token);
        long took = System.nanoTime() - started;
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status());
        }
        bodyBytes += answer.body().length;
        return took;
    }

    private long timeFunctionJdk(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return took;
    }

    private long viaSql(String layers, double[] box) throws SQLException {
        Object[] values = {db.createArrayOf("text", layers.split(",")), box[0], box[1], box[2], box[3], 500};
        for (int i = 0; i < parameterOrder.length; i++) {
            features.setObject(i + 1, values[parameterOrder[i] - 1]);
        }
        try (ResultSet rows = features.executeQuery()) {
            rows.next();
            return rows.getString("body").length() + rows.getString("versions").length();
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        blocking.close();
        db.close();
    }
}
