package de.lagebild.load.positions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The force in a fresh database: every bench user's row (their first request creates it), and
 * the users spread over chats - user i in chat i mod chats, each chat in a room of its own opened
 * by `lead1` - so that every fix has watchers who may see it.
 */
final class ForceSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The users' ids (in token order) and the chats' ids; user i is a member of chat i mod chats. */
    record Force(List<String> userIds, List<String> chatIds) {

        int chatOf(int user) {
            return user % chatIds.size();
        }
    }

    private final LocalApi api;
    private final String chatUrl;

    ForceSetup(LocalApi api, String chatUrl) {
        this.api = api;
        this.chatUrl = chatUrl;
    }

    Force build(List<String> tokens, String leadToken, int chats) throws Exception {
        if (tokens.size() > chats * 500) {
            throw new IllegalArgumentException("a chat takes at most 500 members at creation: use more chats");
        }
        List<Future<String>> me = new ArrayList<>();
        for (String token : tokens) {
            me.add(api.call("GET", chatUrl + "/v1/me", token, null, 200));
        }
        List<String> userIds = new ArrayList<>();
        for (String answer : LocalApi.all(me)) {
            userIds.add(JSON.readTree(answer).get("id").asText());
        }
        List<Future<String>> opened = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            opened.add(api.call("POST", chatUrl + "/v1/rooms", leadToken, JSON.createObjectNode()
                    .put("clientId", UUID.randomUUID().toString()).put("name", "Positions benchmark " + c).toString(), 201));
        }
        List<String> roomIds = new ArrayList<>();
        for (String answer : LocalApi.all(opened)) {
            roomIds.add(JSON.readTree(answer).get("id").asText());
        }
        List<Future<String>> added = new ArrayList<>();
        for (int u = 0; u < userIds.size(); u++) {
            added.add(api.call("POST", chatUrl + "/v1/rooms/" + roomIds.get(u % chats) + "/members", leadToken,
                    JSON.createObjectNode().put("userId", userIds.get(u)).toString(), 201));
        }
        LocalApi.all(added);
        List<Future<String>> created = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            ObjectNode chat = JSON.createObjectNode().put("clientId", UUID.randomUUID().toString()).put("name", "Lage " + c);
            ArrayNode members = chat.putArray("memberIds");
            for (int u = c; u < userIds.size(); u += chats) {
                members.add(userIds.get(u));
            }
            created.add(api.call("POST", chatUrl + "/v1/rooms/" + roomIds.get(c) + "/chats", leadToken, chat.toString(), 201));
        }
        List<String> chatIds = new ArrayList<>();
        for (String answer : LocalApi.all(created)) {
            chatIds.add(JSON.readTree(answer).get("id").asText());
        }
        return new Force(userIds, chatIds);
    }
}
