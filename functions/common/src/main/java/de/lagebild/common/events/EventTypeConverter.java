package de.lagebild.common.events;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link EventType} by its wire name, as the stream and the SQL read it. */
@Converter
public class EventTypeConverter implements AttributeConverter<EventType, String> {

    @Override
    public String convertToDatabaseColumn(EventType type) {
        return type == null ? null : type.wireName();
    }

    @Override
    public EventType convertToEntityAttribute(String value) {
        return value == null ? null : EventType.fromWire(value);
    }
}
