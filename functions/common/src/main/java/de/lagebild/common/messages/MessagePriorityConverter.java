package de.lagebild.common.messages;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link MessagePriority} as the words the schema's check constraint allows. */
@Converter
public class MessagePriorityConverter implements AttributeConverter<MessagePriority, String> {

    @Override
    public String convertToDatabaseColumn(MessagePriority priority) {
        return priority == null ? null : priority.wireName();
    }

    @Override
    public MessagePriority convertToEntityAttribute(String value) {
        return value == null ? null : MessagePriority.fromWire(value);
    }
}
