package de.lagebild.chat.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

/** Decodes a client's text frame into a {@link ClientFrame}, or says what is wrong with it (an `error` frame's code). */
final class ClientFrames {

    /** A decoded frame, or the error to answer with. */
    record Decoded(ClientFrame frame, String errorCode, String errorMessage) {
        static Decoded error(String code, String message) {
            return new Decoded(null, code, message);
        }
    }

    private final ObjectMapper json;

    ClientFrames(ObjectMapper json) {
        this.json = json;
    }

    Decoded decode(String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException e) {
            return Decoded.error("bad_frame", "not a valid frame: expected JSON with a known type and fields");
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
            return Decoded.error("bad_frame", "a frame is a JSON object with a type");
        }
        try {
            return new Decoded(json.treeToValue(tree, ClientFrame.class), null, null);
        } catch (InvalidTypeIdException e) {
            return Decoded.error("unknown_frame", "unknown frame type '" + tree.path("type").asText() + "'");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Decoded.error("bad_frame", "the " + tree.path("type").asText() + " frame has invalid fields");
        }
    }
}
