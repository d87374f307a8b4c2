package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.PositionSender;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.StreamPhone;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL stopped (fast shutdown) for DOWN seconds under messages and positions, then started
 * again: while it is down the functions must answer 503 fast (the failed attempts' latencies), after
 * it is back they must recover by themselves (pools, the bus's LISTEN connection) and nothing
 * acknowledged may be lost. Senders retry with the same client id, as the app does. Recovery: from
 * the restart until the first message is acknowledged, and until the first one is delivered.
 * Options: {@code officers=20 chats=2 rate=20 seconds=40 down=10}.
 */
final class PostgresRestartFault implements Scenario {

    @Override
    @SuppressWarnings("try") // the message load runs for as long as its try block
    public void run(String[] argv) throws Exception {
        FaultSetup run = new FaultSetup(argv, "postgres-restart", 20, 2, 40, 20);
        int down = run.args.integer("down", 10);
        List<String> chatUrl = run.stack.chat().subList(0, 1);
        PositionSender positions = new PositionSender(run.rest, run.stack.positions(), run.tokens);
        positions.shareAll();
        List<StreamPhone> phones = run.phones(run.stack.streams().subList(0, 1), run.officers);
        System.out.printf(Locale.ROOT, "postgres-restart: %d phones, %.0f messages/s and a position a second per "
                + "officer for %d s, PostgreSQL down for %d s after %d s%n", phones.size(), run.rate, run.seconds, down,
                run.seconds / 4);
        Sends sends = new Sends(run.deliveries, 60_000);
        ScheduledExecutorService fixes = Executors.newSingleThreadScheduledExecutor();
        long restartedAt;
        try (MessageLoad load = new MessageLoad(run.rest, chatUrl, run.tokens, run.operation, sends, 100)
                .start(run.rate, run.officers)) {
            fixes.scheduleAtFixedRate(() -> {
                for (int i = 0; i < run.officers; i++) {
                    positions.send(i);
                }
            }, 0, 1, TimeUnit.SECONDS);
            restartedAt = run.outage(down);
        } finally {
            fixes.shutdownNow();
        }
        sends.drain(60_000);
        Deliveries.Count count = run.deliveries.awaitDelivered(30_000);
        System.out.printf(Locale.ROOT, "failed message attempts %s (retried); position requests failed %s%n",
                sends.failures(), positions.failures());
        long reconnected = phones.stream().filter(p -> p.connections() > 1).count();
        System.out.printf(Locale.ROOT, "sockets reconnected: %d of %d%n", reconnected, phones.size());
        FaultOutcome.print("postgres-restart", count, "first ack " + FaultOutcome.seconds(restartedAt,
                run.deliveries.firstAcknowledgedAfter(restartedAt)) + ", first delivery " + FaultOutcome.seconds(
                restartedAt, run.deliveries.firstDeliveredAfter(restartedAt)) + " after PostgreSQL was back");
        phones.forEach(StreamPhone::stop);
    }
}
