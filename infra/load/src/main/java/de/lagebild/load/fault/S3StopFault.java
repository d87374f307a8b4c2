package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.Photo;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.report.BenchRun;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The S3 server stopped for DOWN seconds while phones post photos (upload and message in one call):
 * uploads must fail with 503 meanwhile, no photo message may reference an object that is not in
 * S3, and uploads work again after the restart. Senders retry with the same client id. At the end
 * every photo message in the operation's chats is downloaded through the media function.
 * Recovery: from the S3 restart until the first photo is acknowledged.
 * Options: {@code officers=4 rate=1 seconds=40 down=10} (rate: photos a second).
 */
final class S3StopFault implements Scenario {

    @Override
    public void run(String[] argv) throws Exception {
        FaultSetup run = new FaultSetup(argv, "s3-stop", 4, 1, 40, 1);
        int down = run.args.integer("down", 10);
        List<StreamPhone> phones = run.phones(run.stack.streams().subList(0, 1), run.officers);
        byte[] photo = Photo.jpeg();
        String chat = run.operation.chatIds().get(0);
        System.out.printf(Locale.ROOT, "s3-stop: %.1f photos/s of %d KB for %d s, S3 down for %d s after %d s%n",
                run.rate, photo.length / 1024, run.seconds, down, run.seconds / 4);
        Sends sends = new Sends(run.deliveries, 60_000);
        ScheduledExecutorService uploads = Executors.newSingleThreadScheduledExecutor();
        long restartedAt;
        try {
            AtomicLong n = new AtomicLong();
            uploads.scheduleAtFixedRate(() -> {
                int officer = (int) (n.getAndIncrement() % run.officers);
                sends.send("photo", chat, (attempt, clientId) -> run.rest.upload(run.stack.media() + "/v1/chats/"
                        + chat + "/media-messages?fileName=lage.jpg&clientId=" + clientId + "&caption="
                        + Deliveries.MARKER + clientId, run.tokens.get(officer), "image/jpeg", photo));
            }, 0, (long) (1000 / run.rate), TimeUnit.MILLISECONDS);
            restartedAt = run.outage(down);
        } finally {
            uploads.shutdownNow();
        }
        sends.drain(90_000);
        Deliveries.Count count = run.deliveries.awaitDelivered(30_000);
        System.out.printf(Locale.ROOT, "failed photo attempts %s (retried with the same client id)%n", sends.failures());
        int[] checked = missingObjects(run.args.string("db", "jdbc:postgresql://127.0.0.1:5433/lagebild"), run,
                chat);
        System.out.printf(Locale.ROOT, "photo messages in the chat: %d, downloadable: %d, referencing a missing object: %d%n",
                checked[0], checked[0] - checked[1], checked[1]);
        BenchRun.figure("photo messages referencing a missing object (must be 0)", checked[1]);
        FaultOutcome.print("s3-stop", count, "first photo acknowledged " + FaultOutcome.seconds(restartedAt,
                run.deliveries.firstAcknowledgedAfter(restartedAt)) + " after S3 was back");
        if (checked[1] > 0) {
            System.out.println("s3-stop: FAIL (a message references a missing object)");
        }
        phones.forEach(StreamPhone::stop);
    }

    /** Every photo message of the chat: [messages, those whose photo cannot be downloaded]. */
    private static int[] missingObjects(String jdbcUrl, FaultSetup run, String chat) throws Exception {
        int messages = 0;
        int missing = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "lagebild", "lagebild");
             PreparedStatement query = db.prepareStatement(
                     "select attachment_id from messages where chat_id = ?::uuid and kind = 'photo'")) {
            query.setString(1, chat);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    messages++;
                    HttpResponse<Void> link = run.rest.http().send(HttpRequest.newBuilder(URI.create(run.stack.media()
                            + "/v1/attachments/" + rows.getString(1))).header("Authorization", "Bearer " + run.tokens.get(0))
                            .GET().build(), HttpResponse.BodyHandlers.discarding());
                    String location = link.headers().firstValue("Location").orElse(null);
                    int status = location == null ? link.statusCode() : run.rest.http().send(HttpRequest.newBuilder(
                            URI.create(location)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        missing++;
                    }
                }
            }
        }
        return new int[] {messages, missing};
    }
}
