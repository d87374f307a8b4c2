package de.lagebild.chat.alarm;

import de.lagebild.common.alarms.AlarmState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AlarmState} by its wire name. */
@Converter
public class AlarmStateConverter implements AttributeConverter<AlarmState, String> {

    @Override
    public String convertToDatabaseColumn(AlarmState state) {
        return state == null ? null : state.wireName();
    }

    @Override
    public AlarmState convertToEntityAttribute(String value) {
        return value == null ? null : AlarmState.fromWire(value);
    }
}
