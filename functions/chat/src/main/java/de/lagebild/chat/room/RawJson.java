package de.lagebild.chat.room;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/** Reads a JSON value into its compact text, the counterpart of {@code @JsonRawValue} (a stored answer read back). */
final class RawJson extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.readValueAsTree().toString();
    }
}
