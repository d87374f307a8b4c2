package de.lagebild.load.phone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An operation as a lead sets it up through the chat API: one room with all officers, the officers
 * split into chats of equal size (officer i is in chat i % chats), the lead in every chat.
 */
public record OperationRoom(String roomId, List<String> chatIds, List<String> officerIds) {

    /** The chat officer {@code officer} is in. */
    public int chatOf(int officer) {
        return officer % chatIds.size();
    }

    /** The officers (by index) of one chat. */
    public List<Integer> officersOf(int chat) {
        List<Integer> officers = new ArrayList<>();
        for (int i = chat; i < officerIds.size(); i += chatIds.size()) {
            officers.add(i);
        }
        return officers;
    }

    public static OperationRoom open(Rest rest, String chatUrl, String leadToken, TokenPool officers, int chats)
            throws Exception {
        List<String> officerIds = new ArrayList<>();
        for (int i = 0; i < officers.size(); i++) {
            officerIds.add(rest.call("GET", chatUrl + "/v1/me", officers.get(i), null, 200).get("id").asText());
        }
        String room = rest.call("POST", chatUrl + "/v1/rooms", leadToken,
                Map.of("clientId", UUID.randomUUID(), "name", "Einsatz " + UUID.randomUUID()), 201).get("id").asText();
        for (String officer : officerIds) {
            rest.call("POST", chatUrl + "/v1/rooms/" + room + "/members", leadToken, Map.of("userId", officer), 201);
        }
        List<String> chatIds = new ArrayList<>();
        for (int c = 0; c < chats; c++) {
            List<String> members = new ArrayList<>();
            for (int i = c; i < officerIds.size(); i += chats) {
                members.add(officerIds.get(i));
            }
            chatIds.add(rest.call("POST", chatUrl + "/v1/rooms/" + room + "/chats", leadToken,
                    Map.of("clientId", UUID.randomUUID(), "name", "Abschnitt " + (c + 1), "memberIds", members), 201)
                    .get("id").asText());
        }
        return new OperationRoom(room, List.copyOf(chatIds), List.copyOf(officerIds));
    }
}
