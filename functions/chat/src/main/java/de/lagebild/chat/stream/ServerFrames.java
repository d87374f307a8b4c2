package de.lagebild.chat.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.lagebild.common.alarms.AlarmView;
import de.lagebild.common.alarms.AlarmsFrame;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the server's frames (see functions/chat/STREAM-PROTOCOL.md). An event's frame is built once for all recipients. */
@ApplicationScoped
class ServerFrames {

    private final ObjectMapper json;

    ServerFrames(ObjectMapper json) {
        this.json = json;
    }

    String event(EventRow event) {
        StringBuilder frame = new StringBuilder(160 + event.payload().length())
                .append("{\"type\":\"event\",\"roomId\":\"").append(event.roomId())
                .append("\",\"seq\":").append(event.seq());
        if (event.chatId() != null) {
            frame.append(",\"chatId\":\"").append(event.chatId()).append('"');
        }
        frame.append(",\"event\":\"").append(event.type()).append('"');
        if (event.actorId() != null) {
            frame.append(",\"actorId\":\"").append(event.actorId()).append('"');
        }
        return frame.append(",\"at\":\"").append(event.at()).append("\",\"payload\":").append(event.payload())
                .append('}').toString();
    }

    String welcome(String epoch, Map<UUID, Long> rooms) {
        ObjectNode frame = json.createObjectNode().put("type", "welcome").put("epoch", epoch);
        ObjectNode roomSeqs = frame.putObject("rooms");
        rooms.forEach((room, seq) -> roomSeqs.put(room.toString(), seq));
        return write(frame);
    }

    String alarms(List<AlarmView> active) {
        try {
            return json.writeValueAsString(AlarmsFrame.of(active));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String reload(UUID roomId, String reason) {
        ObjectNode frame = json.createObjectNode().put("type", "reload").put("reason", reason);
        if (roomId != null) {
            frame.put("roomId", roomId.toString());
        }
        return write(frame);
    }

    String caughtUp() {
        return "{\"type\":\"caught_up\"}";
    }

    String watching(UUID chatId) {
        return "{\"type\":\"watching\",\"chatId\":\"" + chatId + "\"}";
    }

    String unwatched(UUID chatId, String reason) {
        return write(json.createObjectNode().put("type", "unwatched").put("chatId", chatId.toString())
                .put("reason", reason));
    }

    String positions(UUID chatId, String fixesJson, String goneJson, String statusesJson) {
        StringBuilder frame = new StringBuilder(64 + fixesJson.length() + goneJson.length() + statusesJson.length())
                .append("{\"type\":\"positions\",\"chatId\":\"").append(chatId).append('"');
        if (!fixesJson.equals("[]")) {
            frame.append(",\"fixes\":").append(fixesJson);
        }
        if (!statusesJson.equals("{}")) {
            frame.append(",\"statuses\":").append(statusesJson);
        }
        if (!goneJson.equals("[]")) {
            frame.append(",\"gone\":").append(goneJson);
        }
        return frame.append('}').toString();
    }

    String error(String code, String message) {
        return write(json.createObjectNode().put("type", "error").put("code", code).put("message", message));
    }

    private String write(ObjectNode frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
