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
import java.util.List;
import java.util.Locale;

/**
 * kill -9 of the chat instance that holds every phone's socket while messages flow through both
 * instances: the phones reconnect to the other instance and resume by cursor; senders retry a
 * failed send with the same client id on the other instance. Every acknowledged message must
 * reach every member once. Recovery: from the kill until the last phone had caught up again.
 * Options: {@code officers=20 chats=2 rate=20 seconds=30}.
 */
final class ChatKillFault implements Scenario {

    @Override
    public void run(String[] argv) throws Exception {
        ScenarioArgs args = new ScenarioArgs(argv);
        Stack stack = Stack.of(args);
        int officers = args.integer("officers", 20);
        int seconds = args.integer("seconds", 30);
        double rate = args.decimal("rate", 20);
        List<String> chatUrls = stack.chat();
        if (chatUrls.size() < 2) {
            throw new IllegalArgumentException("chat-kill needs two chat instances: chat=URL,URL");
        }
        // the second instance is the victim: every phone connects there first and fails over to the first
        List<String> streams = List.of(stack.streams().get(1), stack.streams().get(0));
        Rest rest = new Rest();
        BenchUsers users = new BenchUsers(stack.keycloak());
        FaultControl fault = new FaultControl(args, "chat-kill");
        try (TokenPool tokens = new TokenPool(users, officers)) {
            OperationRoom operation = OperationRoom.open(rest, chatUrls.get(0), users.token("lead1"), tokens,
                    args.integer("chats", 2));
            Deliveries deliveries = new Deliveries();
            List<StreamPhone> phones = OperationPhones.connect(streams, rest, tokens, deliveries, operation, officers, 0, null);
            System.out.printf(Locale.ROOT, "chat-kill: %d phones on %s, %.0f messages/s through both instances for %d s%n",
                    phones.size(), streams.get(0), rate, seconds);
            Sends sends = new Sends(deliveries, 20_000);
            try (MessageLoad load = new MessageLoad(rest, chatUrls, tokens, operation, sends, 100).start(rate, officers)) {
                Thread.sleep(seconds * 1000L / 3);
                fault.inject();
                Thread.sleep(seconds * 2000L / 3);
            }
            sends.drain(30_000);
            Deliveries.Count count = deliveries.awaitDelivered(30_000);
            long failedOver = phones.stream().filter(p -> p.connections() > 1).count();
            long slowest = phones.stream().mapToLong(StreamPhone::lastRecoveryNanos).max().orElse(0);
            System.out.printf(Locale.ROOT, "phones failed over: %d of %d; failed send attempts %s (retried on the other instance)%n",
                    failedOver, phones.size(), sends.failures());
            FaultOutcome.print("chat-kill", count, failedOver == 0 ? "no phone failed over"
                    : String.format(Locale.ROOT, "%.2f s (kill -> last phone caught up on the other instance)", slowest / 1e9));
            phones.forEach(StreamPhone::stop);
            fault.heal();
        }
    }
}
