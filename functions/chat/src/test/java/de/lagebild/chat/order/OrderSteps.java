package de.lagebild.chat.order;

import static de.lagebild.common.testing.ChatFixture.as;

import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Orders as a phone sends, answers and follows them. */
final class OrderSteps {

    private OrderSteps() {
    }

    /** The body of an order: a text message with a priority that asks for acknowledgement. */
    static Map<String, Object> order(String text, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", UUID.randomUUID());
        body.put("kind", "text");
        body.put("body", text);
        body.put("priority", priority);
        body.put("ackRequested", true);
        return body;
    }

    /** Posts an order and returns the message as answered (201). */
    static JsonPath post(String sender, String chatId, String text, String priority) {
        return as(sender).body(order(text, priority)).post("/v1/chats/" + chatId + "/messages")
                .then().statusCode(201).extract().jsonPath();
    }

    static String path(String chatId, String messageId) {
        return "/v1/chats/" + chatId + "/orders/" + messageId;
    }

    static JsonPath acknowledge(String recipient, String chatId, String messageId) {
        return as(recipient).post(path(chatId, messageId) + "/acknowledge").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath decline(String recipient, String chatId, String messageId, String reason) {
        return as(recipient).body(Map.of("reason", reason)).post(path(chatId, messageId) + "/decline")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath myAnswer(String recipient, String chatId, String messageId) {
        return as(recipient).get(path(chatId, messageId) + "/my-answer").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath receipts(String viewer, String chatId, String messageId) {
        return as(viewer).get(path(chatId, messageId)).then().statusCode(200).extract().jsonPath();
    }

    /** The receipt of one recipient in a receipts view. */
    static Map<String, Object> receiptOf(JsonPath receipts, String userId) {
        return receipts.getMap("recipients.find { it.user.id == '" + userId + "' }");
    }
}
