package de.lagebild.load.fault;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationPhones;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.Stack;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.phone.TokenPool;
import de.lagebild.load.report.BenchRun;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One member's phone says hello and then reads nothing (its socket's buffers fill up) while
 * messages of a few KB flow into its chat: the others' deliveries must not slow down, and the
 * server must cut the stalled socket off by its queue bound (the chat function's
 * lagebild_stream_stalled_closed_total goes up). Recovery: from the first message until the cut.
 * Options: {@code officers=10 rate=100 size=3900 seconds=75}.
 */
final class SlowConsumerFault implements Scenario {

    @Override
    public void run(String[] argv) throws Exception {
        ScenarioArgs args = new ScenarioArgs(argv);
        Stack stack = Stack.of(args);
        int officers = args.integer("officers", 10);
        int seconds = args.integer("seconds", 75);
        double rate = args.decimal("rate", 100);
        String chatUrl = stack.chat().get(0);
        Rest rest = new Rest();
        BenchUsers users = new BenchUsers(stack.keycloak());
        // one more officer than phones: the last one is the stalled socket
        try (TokenPool tokens = new TokenPool(users, officers + 1)) {
            OperationRoom operation = OperationRoom.open(rest, chatUrl, users.token("lead1"), tokens, 1);
            Deliveries deliveries = new Deliveries();
            List<StreamPhone> phones = OperationPhones.connect(stack.streams().subList(0, 1), rest, tokens, deliveries,
                    operation, officers, 0, null);
            double cutBefore = stalledClosed(rest, chatUrl);
            WebSocket stalled = rest.http().newWebSocketBuilder().header("Authorization", "Bearer " + tokens.get(officers))
                    .buildAsync(URI.create(stack.streams().get(0)), new WebSocket.Listener() {
                        @Override
                        public void onOpen(WebSocket webSocket) {
                            // no request(): this phone reads nothing, not even the welcome
                        }
                    }).join();
            stalled.sendText("{\"type\":\"hello\"}", true).join();
            System.out.printf(Locale.ROOT, "slow-consumer: %d reading phones and one that reads nothing, %.0f messages/s of "
                    + "%d characters for up to %d s%n", phones.size(), rate, args.integer("size", 3900), seconds);
            Sends sends = new Sends(deliveries, 0);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long cutAt = -1;
            try (MessageLoad load = new MessageLoad(rest, List.of(chatUrl), tokens, operation, sends,
                    args.integer("size", 3900)).start(rate, officers)) {
                while (System.nanoTime() < end) {
                    Thread.sleep(500);
                    if (cutAt < 0 && stalledClosed(rest, chatUrl) > cutBefore) {
                        cutAt = System.nanoTime();
                        System.out.printf(Locale.ROOT, "the stalled socket was cut off after %.1f s; 10 s more load%n",
                                (cutAt - start) / 1e9);
                        end = Math.min(end, cutAt + 10_000_000_000L);
                    }
                }
            }
            sends.drain(30_000);
            Deliveries.Count count = deliveries.awaitDelivered(30_000);
            stalled.abort();
            System.out.printf(Locale.ROOT, "failed sends %s%n", sends.failures());
            BenchRun.figure("stalled socket cut off", cutAt >= 0 ? "yes" : "NO");
            FaultOutcome.print("slow-consumer", count, cutAt < 0 ? "not cut off within the run (FAIL)"
                    : "the stalled socket was cut off " + FaultOutcome.seconds(start, cutAt) + " after the load began");
            phones.forEach(StreamPhone::stop);
        }
    }

    private static double stalledClosed(Rest rest, String chatUrl) throws Exception {
        String metrics = rest.http().send(HttpRequest.newBuilder(URI.create(chatUrl + "/q/metrics")).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("lagebild_stream_stalled_closed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
