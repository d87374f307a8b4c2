package de.lagebild.load.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the push function must send: an alarm's push and a chat's normal push, headers and decrypted
 * payload, naming the room of the device's user.
 */
final class PayloadExpectations implements LoopbackPushService.PayloadChecker {

    private final Map<String, String> roomOfDevice = new ConcurrentHashMap<>();
    private final Set<String> chatTopics;
    private final Set<String> alarmTopics = ConcurrentHashMap.newKeySet();
    private final String urgentTtl;
    private final String normalTtl;

    PayloadExpectations(List<String> chatIds, String urgentTtl, String normalTtl) {
        this.chatTopics = Set.copyOf(chatIds.stream().map(id -> id.replace("-", "")).toList());
        this.urgentTtl = urgentTtl;
        this.normalTtl = normalTtl;
    }

    void device(Subscription subscription, String room) {
        roomOfDevice.put(subscription.path(), room);
    }

    void alarm(String topic) {
        alarmTopics.add(topic);
    }

    @Override
    public String problem(LoopbackPushService.Arrival arrival, JsonNode payload) {
        if (!payload.path("roomId").asText().equals(roomOfDevice.get(arrival.subscription().path()))) {
            return "roomId " + payload.path("roomId");
        }
        if ("high".equals(arrival.urgency())) {
            if (!alarmTopics.contains(arrival.topic())) {
                return "urgent push with Topic " + arrival.topic() + " of no alarm raised";
            }
            if (!urgentTtl.equals(arrival.ttl())) {
                return "urgent TTL " + arrival.ttl();
            }
            if (!"alarm".equals(payload.path("kind").asText()) || !"urgent".equals(payload.path("priority").asText())
                    || !"Notruf".equals(payload.path("title").asText())
                    || !arrival.topic().equals(payload.path("alarmId").asText().replace("-", ""))) {
                return "alarm payload " + payload;
            }
            return null;
        }
        if (!"normal".equals(arrival.urgency()) || !normalTtl.equals(arrival.ttl())) {
            return "normal push with Urgency " + arrival.urgency() + ", TTL " + arrival.ttl();
        }
        if (!chatTopics.contains(arrival.topic())
                || !arrival.topic().equals(payload.path("chatId").asText().replace("-", ""))
                || !"message".equals(payload.path("kind").asText())) {
            return "message push with Topic " + arrival.topic() + ": " + payload;
        }
        return null;
    }
}
