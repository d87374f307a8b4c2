package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AlarmKind} by its wire name. */
@Converter
public class AlarmKindConverter implements AttributeConverter<AlarmKind, String> {

    @Override
    public String convertToDatabaseColumn(AlarmKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public AlarmKind convertToEntityAttribute(String value) {
        return value == null ? null : AlarmKind.fromWire(value);
    }
}
