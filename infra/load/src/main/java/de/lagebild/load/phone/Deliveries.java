package de.lagebild.load.phone;

import de.lagebild.load.LatencyReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record of what was sent and what each phone received, to time every delivery (send to
 * frame at the member) and to count at the end: acknowledged, delivered, lost (acknowledged but not
 * at a member's phone), duplicated. Messages are known by the client id the sender put into them.
 */
public final class Deliveries {

    /** The marker in a message's text (or a photo's caption) before its client id. */
    public static final String MARKER = "op:";

    private record Sent(String kind, String chatId, long nanos) {
    }

    /** Totals at the end of a run. */
    public record Count(long sent, long acknowledged, long expected, long delivered, long lost, long duplicated,
            long deliveredUnacknowledged) {
    }

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, List<StreamPhone>> membersByChat = new ConcurrentHashMap<>();
    private final Map<String, LatencyReport> ackReports = new ConcurrentHashMap<>();
    private final Map<String, LatencyReport> deliveryReports = new ConcurrentHashMap<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> firstDeliveredAt = new ConcurrentHashMap<>();

    /** The phones whose members must get every message of the chat. */
    public void members(String chatId, List<StreamPhone> phones) {
        membersByChat.put(chatId, List.copyOf(phones));
    }

    /** A message of the given kind ("message", "photo") is about to be sent. */
    public void sending(String clientId, String kind, String chatId) {
        sent.put(clientId, new Sent(kind, chatId, System.nanoTime()));
        ackReports.computeIfAbsent(kind, k -> new LatencyReport(k + " send -> ack"));
        deliveryReports.computeIfAbsent(kind, k -> new LatencyReport(k + " send -> frame at member"));
    }

    /** The function acknowledged it (201, or 200 for a retry of the same client id). */
    public void acknowledged(String clientId) {
        Sent message = sent.get(clientId);
        if (message != null && acknowledged.add(clientId)) {
            long now = System.nanoTime();
            acknowledgedAt.put(clientId, now);
            ackReports.get(message.kind()).recordNanos(now - message.nanos());
        }
    }

    /** A phone got the message's frame; {@code first} is false when it had it already. */
    void received(String clientId, boolean first, long nanos) {
        if (!first) {
            duplicated.incrementAndGet();
            return;
        }
        Sent message = sent.get(clientId);
        if (message != null) {
            deliveryReports.get(message.kind()).recordNanos(nanos - message.nanos());
            firstDeliveredAt.putIfAbsent(clientId, nanos);
        }
    }

    /** The first acknowledgement at or after the given time (System.nanoTime), or -1. */
    public long firstAcknowledgedAfter(long nanos) {
        return acknowledgedAt.values().stream().filter(t -> t >= nanos).min(Long::compare).orElse(-1L);
    }

    /** The first delivery at any phone at or after the given time (System.nanoTime), or -1. */
    public long firstDeliveredAfter(long nanos) {
        return firstDeliveredAt.values().stream().filter(t -> t >= nanos).min(Long::compare).orElse(-1L);
    }

    /** Frames that came again at or below the phone's cursor. */
    void duplicate() {
        duplicated.incrementAndGet();
    }

    public Count count() {
        long expected = 0;
        long delivered = 0;
        for (String clientId : acknowledged) {
            for (StreamPhone phone : membersByChat.getOrDefault(sent.get(clientId).chatId(), List.of())) {
                expected++;
                if (phone.has(clientId)) {
                    delivered++;
                }
            }
        }
        long deliveredUnacknowledged = 0;
        for (Map.Entry<String, Sent> message : sent.entrySet()) {
            if (!acknowledged.contains(message.getKey())) {
                for (StreamPhone phone : membersByChat.getOrDefault(message.getValue().chatId(), List.of())) {
                    if (phone.has(message.getKey())) {
                        deliveredUnacknowledged++;
                    }
                }
            }
        }
        return new Count(sent.size(), acknowledged.size(), expected, delivered, expected - delivered, duplicated.get(),
                deliveredUnacknowledged);
    }

    /** Waits until every acknowledged message is at every member, or the time is up. */
    public Count awaitDelivered(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        Count count = count();
        while (count.lost() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = count();
        }
        return count;
    }
}
