package de.lagebild.common.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses a NUL character in any string of a JSON request body while it is read, so that the
 * problem names the field (`name`, `fixes[3].note`) and no write ever sees it.
 */
@Singleton
public class NulFreeStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Thrown while reading; Jackson adds the path of the field as the failure unwinds. */
    public static final class NulCharacterException extends JsonMappingException {

        private static final long serialVersionUID = 1L;

        NulCharacterException(JsonParser parser) {
            super(parser, StorableText.NUL_MESSAGE);
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (!StorableText.isStorable(value)) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
