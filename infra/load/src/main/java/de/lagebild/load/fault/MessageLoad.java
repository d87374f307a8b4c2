package de.lagebild.load.fault;

import de.lagebild.load.phone.Deliveries;
import de.lagebild.load.phone.OperationRoom;
import de.lagebild.load.phone.Rest;
import de.lagebild.load.phone.Sends;
import de.lagebild.load.phone.TokenPool;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Text messages at a fixed rate from the officers into their chats while a fault happens: message n
 * comes from officer n (round robin); its attempts go to the chat instances in turn, as a load
 * balancer would send a retry elsewhere.
 */
final class MessageLoad implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final Rest rest;
    private final List<String> chatUrls;
    private final TokenPool tokens;
    private final OperationRoom operation;
    private final Sends sends;
    private final String padding;
    private long sent;

    /** {@code bodyChars}: the length of each message's text (at most 4000). */
    MessageLoad(Rest rest, List<String> chatUrls, TokenPool tokens, OperationRoom operation, Sends sends, int bodyChars) {
        this.rest = rest;
        this.chatUrls = chatUrls;
        this.tokens = tokens;
        this.operation = operation;
        this.sends = sends;
        this.padding = " " + "x".repeat(Math.max(0, bodyChars - 40));
    }

    /** Starts sending {@code rate} messages a second, from the given officers only (the first {@code senders}). */
    MessageLoad start(double rate, int senders) {
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            for (; sent < due; sent++) {
                send(sent, (int) (sent % senders));
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        return this;
    }

    private void send(long n, int officer) {
        String chat = operation.chatIds().get(operation.chatOf(officer));
        sends.send("message", chat, (attempt, clientId) -> rest.send("POST",
                chatUrls.get((int) ((n + attempt) % chatUrls.size())) + "/v1/chats/" + chat + "/messages",
                tokens.get(officer), "{\"clientId\":\"" + clientId + "\",\"kind\":\"text\",\"body\":\""
                        + Deliveries.MARKER + clientId + padding + "\"}"));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
