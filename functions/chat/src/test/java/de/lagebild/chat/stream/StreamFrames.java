package de.lagebild.chat.stream;

import com.fasterxml.jackson.databind.JsonNode;
import de.lagebild.common.testing.StreamClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Reading a test socket's frames: a room's events, and each as a label (`msg:<body>` for messages, else the event type). */
final class StreamFrames {

    private StreamFrames() {
    }

    static boolean isEventOf(String roomId, JsonNode frame) {
        return "event".equals(frame.path("type").asText()) && roomId.equals(frame.path("roomId").asText());
    }

    static List<JsonNode> eventsOf(String roomId, List<JsonNode> frames) {
        return frames.stream().filter(frame -> isEventOf(roomId, frame)).toList();
    }

    static List<String> labels(List<JsonNode> events) {
        return events.stream().map(StreamFrames::label).toList();
    }

    static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(event -> event.path("seq").asLong()).toList();
    }

    static long lastSeq(List<JsonNode> events) {
        return events.stream().mapToLong(event -> event.path("seq").asLong()).max().orElse(0);
    }

    /** Publishes the positions batch until the watcher receives it (its room's feed may still be starting). */
    static void awaitPositions(StreamClient watcher, String batch, Consumer<String> publish) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            publish.accept(batch);
            try {
                watcher.await(f -> "positions".equals(f.path("type").asText()), Duration.ofMillis(500));
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static String label(JsonNode event) {
        String type = event.path("event").asText();
        return "message.created".equals(type) ? "msg:" + event.path("payload").path("body").asText() : type;
    }
}
