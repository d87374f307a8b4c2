package de.lagebild.load.fault;

import de.lagebild.load.BenchUsers;
import de.lagebild.load.Scenario;
import de.lagebild.load.ScenarioArgs;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationPhones;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.PositionSender;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.Stack;
import de.lagebild.load.phone.StreamPhone;
import de.lagebild.load.phone.TokenPool;
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
    public void run(String[] argv) throws Exception {
        ScenarioArgs args = new ScenarioArgs(argv);
        Stack stack = Stack.of(args);
        int officers = args.integer("officers", 20);
        int seconds = args.integer("seconds", 40);
        int down = args.integer("down", 10);
        double rate = args.decimal("rate", 20);
        List<String> chatUrl = stack.chat().subList(0, 1);
        Rest rest = new Rest();
        BenchUsers users = new BenchUsers(stack.keycloak());
        FaultControl fault = new FaultControl(args, "postgres-restart");
        try (TokenPool tokens = new TokenPool(users, officers)) {
            OperationRoom operation = OperationRoom.open(rest, chatUrl.get(0), users.token("lead1"), tokens,
                    args.integer("chats", 2));
            PositionSender positions = new PositionSender(rest, stack.positions(), tokens);
            positions.shareAll();
            Deliveries deliveries = new Deliveries();
            List<StreamPhone> phones = OperationPhones.connect(stack.streams().subList(0, 1), rest, tokens, deliveries,
                    operation, officers, 0, null);
            System.out.printf(Locale.ROOT, "postgres-restart: %d phones, %.0f messages/s and a position a second per "
                    + "officer for %d s, PostgreSQL down for %d s after %d s%n", phones.size(), rate, seconds, down, seconds / 4);
            Sends sends = new Sends(deliveries, 60_000);
            ScheduledExecutorService fixes = Executors.newSingleThreadScheduledExecutor();
            long restartedAt;
            try (MessageLoad load = new MessageLoad(rest, chatUrl, tokens, operation, sends, 100).start(rate, officers)) {
                fixes.scheduleAtFixedRate(() -> {
                    for (int i = 0; i < officers; i++) {
                        positions.send(i);
                    }
                }, 0, 1, TimeUnit.SECONDS);
                Thread.sleep(seconds * 1000L / 4);
                fault.inject();
                Thread.sleep(down * 1000L);
                restartedAt = fault.heal();
                Thread.sleep(Math.max(0, seconds * 1000L * 3 / 4 - down * 1000L));
            } finally {
                fixes.shutdownNow();
            }
            sends.drain(60_000);
            Deliveries.Count count = deliveries.awaitDelivered(30_000);
            System.out.printf(Locale.ROOT, "failed message attempts %s (retried); position requests failed %s%n",
                    sends.failures(), positions.failures());
            long reconnected = phones.stream().filter(p -> p.connections() > 1).count();
            System.out.printf(Locale.ROOT, "sockets reconnected: %d of %d%n", reconnected, phones.size());
            FaultOutcome.print("postgres-restart", count, "first ack " + FaultOutcome.seconds(restartedAt,
                    deliveries.firstAcknowledgedAfter(restartedAt)) + ", first delivery " + FaultOutcome.seconds(restartedAt,
                    deliveries.firstDeliveredAfter(restartedAt)) + " after PostgreSQL was back");
            phones.forEach(StreamPhone::stop);
        }
    }
}
