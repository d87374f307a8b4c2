package de.lagebild.common.messages;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link MessageKind} as the words the schema's check constraint allows. */
@Converter
public class MessageKindConverter implements AttributeConverter<MessageKind, String> {

    @Override
    public String convertToDatabaseColumn(MessageKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public MessageKind convertToEntityAttribute(String value) {
        return value == null ? null : MessageKind.fromWire(value);
    }
}
