package de.lagebild.load.operation;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.LatencyReport;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationPhones;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Photo;
import de.lagebild.load.phone.PositionSender;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.Stack;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.phone.TokenPool;
import de.lagebild.load.report.BenchRun;
import de.lagebild.load.report.ProcCpu;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One large operation, REST and the stream together: OFFICERS officers in one room, split into
 * CHATS chats; every officer's phone keeps its stream socket, posts a position every
 * POSITION_INTERVAL seconds and WATCHERS phones per chat watch their chat's map; MESSAGES text
 * messages a second and PHOTOS photos a minute go to random chats from random members. Every
 * message and photo is timed from the send to the frame at each member's phone; at the end the
 * deliveries missing are counted.
 *
 * <pre>infra/bench.sh operation [officers=500] [chats=20] [seconds=600] [messages=10] [photos=2]
 *                          [position-interval=5] [watchers=25] [chat=URL] [positions=URL] [media=URL] [keycloak=URL]</pre>
 */
public final class OperationBenchmark implements Scenario {

    @Override
    public void run(String[] argv) throws Exception {
        ScenarioArgs args = new ScenarioArgs(argv);
        Stack stack = Stack.of(args);
        int officers = args.integer("officers", 500);
        int chats = args.integer("chats", 20);
        int seconds = args.integer("seconds", 600);
        double messagesPerSecond = args.decimal("messages", 10);
        double photosPerMinute = args.decimal("photos", 2);
        int positionInterval = args.integer("position-interval", 5);
        int watchers = args.integer("watchers", 25);
        System.out.printf(Locale.ROOT, "operation: %d officers in one room, %d chats, a position every %d s, %.1f messages/s,"
                        + " %.1f photos/min, %d map watchers per chat, %d s%n", officers, chats, positionInterval,
                messagesPerSecond, photosPerMinute, watchers, seconds);

        long setupStart = System.nanoTime();
        Rest rest = new Rest();
        BenchUsers users = new BenchUsers(stack.keycloak());
        TokenPool tokens = new TokenPool(users, officers);
        System.out.printf(Locale.ROOT, "%d tokens in %.0f s%n", officers, (System.nanoTime() - setupStart) / 1e9);
        OperationRoom operation = OperationRoom.open(rest, stack.chat().get(0), users.token("lead1"), tokens, chats);
        PositionSender positions = new PositionSender(rest, stack.positions(), tokens);
        positions.shareAll();

        Deliveries deliveries = new Deliveries();
        LatencyReport fixToWatcher = new LatencyReport("position fix -> frame at watcher");
        List<StreamPhone> phones = OperationPhones.connect(stack.streams(), rest, tokens, deliveries, operation,
                officers, watchers, fixToWatcher);
        System.out.printf(Locale.ROOT, "setup done in %.0f s: room %s, %d sockets caught up%n",
                (System.nanoTime() - setupStart) / 1e9, operation.roomId(), phones.size());

        Sends sends = new Sends(deliveries, 0);
        byte[] photo = Photo.jpeg();
        BenchRun.measuring(true);
        drive(stack, rest, tokens, operation, positions, sends, photo, seconds, messagesPerSecond, photosPerMinute,
                positionInterval);
        BenchRun.measuring(false);

        sends.drain(60_000);
        Deliveries.Count count = deliveries.awaitDelivered(30_000);
        System.out.println();
        BenchRun.printLatencies(seconds);
        System.out.printf(Locale.ROOT, "messages and photos: sent=%d acknowledged=%d failed attempts=%s%n",
                count.sent(), count.acknowledged(), sends.failures());
        System.out.printf(Locale.ROOT, "deliveries: expected=%d delivered=%d missing=%d duplicated=%d%n",
                count.expected(), count.delivered(), count.lost(), count.duplicated());
        System.out.printf(Locale.ROOT, "positions: sent=%d failures=%s%n", positions.sent(), positions.failures());
        long reconnected = phones.stream().filter(p -> p.connections() > 1).count();
        System.out.printf(Locale.ROOT, "sockets: %d, reconnected %d%n", phones.size(), reconnected);
        BenchRun.figure("messages+photos acknowledged", count.acknowledged() + " of " + count.sent());
        BenchRun.figure("failed message/photo attempts", sends.failures());
        BenchRun.figure("deliveries expected", count.expected());
        BenchRun.figure("deliveries missing", count.lost());
        BenchRun.figure("deliveries duplicated", count.duplicated());
        BenchRun.figure("position failures", positions.failures());
        BenchRun.figure("sockets reconnected", reconnected + " of " + phones.size());
        phones.forEach(StreamPhone::stop);
    }

    /** The operation's traffic on one 10 ms tick: whatever is due is sent, open model. */
    private static void drive(Stack stack, Rest rest, TokenPool tokens, OperationRoom operation, PositionSender positions,
            Sends sends, byte[] photo, int seconds, double messagesPerSecond, double photosPerMinute, int positionInterval)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long messages = 0;
        long photos = 0;
        long fixes = 0;
        long nextReport = start + TimeUnit.SECONDS.toNanos(30);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            for (; fixes < (long) (elapsed * tokens.size() / positionInterval); fixes++) {
                positions.send((int) (fixes % tokens.size()));
            }
            for (; messages < (long) (elapsed * messagesPerSecond); messages++) {
                int officer = random.nextInt(tokens.size());
                String chat = operation.chatIds().get(operation.chatOf(officer));
                sends.send("message", chat, (attempt, clientId) -> rest.send("POST",
                        stack.chat().get(attempt % stack.chat().size()) + "/v1/chats/" + chat + "/messages",
                        tokens.get(officer), "{\"clientId\":\"" + clientId + "\",\"kind\":\"text\",\"body\":\""
                                + Deliveries.MARKER + clientId + "\"}"));
            }
            for (; photos < (long) (elapsed * photosPerMinute / 60); photos++) {
                int officer = random.nextInt(tokens.size());
                String chat = operation.chatIds().get(operation.chatOf(officer));
                sends.send("photo", chat, (attempt, clientId) -> rest.upload(stack.media() + "/v1/chats/" + chat
                        + "/media-messages?fileName=lage.jpg&clientId=" + clientId + "&caption=" + Deliveries.MARKER
                        + clientId, tokens.get(officer), "image/jpeg", photo));
            }
            if (System.nanoTime() > nextReport) {
                System.out.printf(Locale.ROOT, "  t=%3.0f s: %d fixes, %d messages, %d photos sent; load average %s%n",
                        elapsed, fixes, messages, photos, ProcCpu.loadAverage());
                nextReport += TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(10);
        }
    }
}
