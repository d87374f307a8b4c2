package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.report.BenchRun;
import de.lagebild.load.report.PrometheusText;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Locale;

/**
 * One member's phone says hello and then reads nothing (its socket's buffers fill up) while
 * messages of a few KB flow into its chat: the others' deliveries must not slow down, and the
 * server must cut the stalled socket off by its queue bound (the chat function's
 * lagebild_stream_stalled_closed_total goes up). Recovery: from the first message until the cut.
 * Options: {@code officers=10 rate=30 size=3900 seconds=180} (the load ends 10 s after the cut).
 */
final class SlowConsumerFault implements Scenario {

    @Override
    @SuppressWarnings("try") // the message load runs for as long as its try block
    public void run(String[] argv) throws Exception {
        FaultSetup run = new FaultSetup(argv, "slow-consumer", 10, 1, 180, 30);
        String chatUrl = run.stack.chat().get(0);
        List<StreamPhone> phones = run.phones(run.stack.streams().subList(0, 1), run.officers);
        double cutBefore = stalledClosed(run.rest, chatUrl);
        WebSocket stalled = run.rest.http().newWebSocketBuilder()
                .header("Authorization", "Bearer " + run.tokens.get(run.officers))
                .buildAsync(URI.create(run.stack.streams().get(0)), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        // no request(): this phone reads nothing, not even the welcome
                    }
                }).join();
        stalled.sendText("{\"type\":\"hello\"}", true).join();
        System.out.printf(Locale.ROOT, "slow-consumer: %d reading phones and one that reads nothing, %.0f messages/s of "
                + "%d characters for up to %d s%n", phones.size(), run.rate, run.args.integer("size", 3900), run.seconds);
        Sends sends = new Sends(run.deliveries, 0);
        long start = System.nanoTime();
        long end = start + run.seconds * 1_000_000_000L;
        long cutAt = -1;
        try (MessageLoad load = new MessageLoad(run.rest, List.of(chatUrl), run.tokens, run.operation, sends,
                run.args.integer("size", 3900)).start(run.rate, run.officers)) {
            while (System.nanoTime() < end) {
                Thread.sleep(500);
                if (cutAt < 0 && stalledClosed(run.rest, chatUrl) > cutBefore) {
                    cutAt = System.nanoTime();
                    System.out.printf(Locale.ROOT, "the stalled socket was cut off after %.1f s; 10 s more load%n",
                            (cutAt - start) / 1e9);
                    end = Math.min(end, cutAt + 10_000_000_000L);
                }
            }
        }
        sends.drain(30_000);
        Deliveries.Count count = run.deliveries.awaitDelivered(30_000);
        stalled.abort();
        System.out.printf(Locale.ROOT, "failed sends %s%n", sends.failures());
        BenchRun.figure("stalled socket cut off", cutAt >= 0 ? "yes" : "NO");
        FaultOutcome.print("slow-consumer", count, cutAt < 0 ? "not cut off within the run (FAIL)"
                : "the stalled socket was cut off " + FaultOutcome.seconds(start, cutAt) + " after the load began");
        phones.forEach(StreamPhone::stop);
    }

    private static double stalledClosed(Rest rest, String chatUrl) throws Exception {
        return PrometheusText.scrape(rest.http(), chatUrl).sum("lagebild_stream_stalled_closed_total");
    }
}
