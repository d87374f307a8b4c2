package de.lagebild.load.fault;

import de.lagebild.load.Scenario;
import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.StreamPhone;
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
    @SuppressWarnings("try") // the message load runs for as long as its try block
    public void run(String[] argv) throws Exception {
        FaultSetup run = new FaultSetup(argv, "chat-kill", 20, 2, 30, 20);
        List<String> chatUrls = run.stack.chat();
        if (chatUrls.size() < 2) {
            throw new IllegalArgumentException("chat-kill needs two chat instances: chat=URL,URL");
        }
        // the second instance is the victim: every phone connects there first and fails over to the first
        List<String> streams = List.of(run.stack.streams().get(1), run.stack.streams().get(0));
        List<StreamPhone> phones = run.phones(streams, run.officers);
        System.out.printf(Locale.ROOT, "chat-kill: %d phones on %s, %.0f messages/s through both instances for %d s%n",
                phones.size(), streams.get(0), run.rate, run.seconds);
        Sends sends = new Sends(run.deliveries, 20_000);
        try (MessageLoad load = new MessageLoad(run.rest, chatUrls, run.tokens, run.operation, sends, 100)
                .start(run.rate, run.officers)) {
            Thread.sleep(run.seconds * 1000L / 3);
            run.fault.inject();
            Thread.sleep(run.seconds * 2000L / 3);
        }
        sends.drain(30_000);
        Deliveries.Count count = run.deliveries.awaitDelivered(30_000);
        long failedOver = phones.stream().filter(p -> p.connections() > 1).count();
        long slowest = phones.stream().mapToLong(StreamPhone::lastRecoveryNanos).max().orElse(0);
        System.out.printf(Locale.ROOT, "phones failed over: %d of %d; failed send attempts %s (retried on the other instance)%n",
                failedOver, phones.size(), sends.failures());
        FaultOutcome.print("chat-kill", count, failedOver == 0 ? "no phone failed over"
                : String.format(Locale.ROOT, "%.2f s (kill -> last phone caught up on the other instance)", slowest / 1e9));
        phones.forEach(StreamPhone::stop);
        run.fault.heal();
    }
}
